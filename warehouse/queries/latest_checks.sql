-- The checks of the latest run that has any.
SELECT check_name, passed, failed_rows, description
FROM quality_checks
WHERE run_id = (SELECT run_id FROM quality_checks ORDER BY checked_at DESC LIMIT 1)
ORDER BY passed, check_name;
