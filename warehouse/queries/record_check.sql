INSERT INTO quality_checks (run_id, check_name, description, failed_rows, passed, sample_json, checked_at)
VALUES ($run_id, $check_name, $description, $failed_rows, $passed, $sample_json, $checked_at)
ON CONFLICT (run_id, check_name) DO UPDATE SET description = excluded.description, failed_rows = excluded.failed_rows,
    passed = excluded.passed, sample_json = excluded.sample_json, checked_at = excluded.checked_at;
