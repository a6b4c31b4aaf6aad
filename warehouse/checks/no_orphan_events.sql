-- Every event (and event candidate) belongs to a document in documents.
SELECT 'events' AS tbl, e.event_id, e.doc_id
FROM events e LEFT JOIN documents d USING (doc_id) WHERE d.doc_id IS NULL
UNION ALL
SELECT 'event_candidates', c.event_id, c.doc_id
FROM event_candidates c LEFT JOIN documents d USING (doc_id) WHERE d.doc_id IS NULL
