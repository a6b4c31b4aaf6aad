INSERT INTO runs (run_id, started_at, status, params_json) VALUES ($run_id, $started_at, 'running', $params_json)
ON CONFLICT (run_id) DO UPDATE SET started_at = excluded.started_at, status = excluded.status,
                                   params_json = excluded.params_json;
