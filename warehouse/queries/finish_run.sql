INSERT INTO runs (run_id, finished_at, status, counts_json) VALUES ($run_id, $finished_at, $status, $counts_json)
ON CONFLICT (run_id) DO UPDATE SET finished_at = excluded.finished_at, status = excluded.status,
                                   counts_json = excluded.counts_json;
