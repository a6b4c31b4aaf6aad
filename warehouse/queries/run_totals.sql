-- The size of the warehouse after a run: documents and asserted events.
SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM events) AS events;
