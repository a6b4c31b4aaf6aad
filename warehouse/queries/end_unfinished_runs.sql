-- Close the runs of one Prefect flow run that never reached finish_run (cancelled or crashed):
-- our run ids end in '_' + the first 12 hex digits of the Prefect flow run id.
UPDATE runs SET finished_at = $finished_at, status = $status, counts_json = $counts_json
WHERE finished_at IS NULL AND ends_with(run_id, '_' || $flow_run_suffix)
RETURNING run_id;
