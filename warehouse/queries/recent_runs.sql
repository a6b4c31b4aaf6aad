SELECT run_id, started_at, finished_at, status, counts_json FROM runs ORDER BY started_at DESC NULLS LAST LIMIT $limit;
