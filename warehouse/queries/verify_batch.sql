-- After COMMIT: how many of the batch's documents and asserted events are really stored (DuckDB can roll back silently).
SELECT (SELECT count(*) FROM documents WHERE doc_id IN (SELECT doc_id FROM batch_documents)) AS documents,
       (SELECT count(*) FROM events WHERE event_id IN (SELECT event_id FROM batch_events WHERE status = 'asserted'))   AS events;
