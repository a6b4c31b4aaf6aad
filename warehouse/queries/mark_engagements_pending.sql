-- The batch's documents and the documents whose event list it replaces: their engagements are rebuilt by the next
-- refresh_views (warehouse/queries/build_engagements_incremental.sql).
INSERT INTO engagements_pending
SELECT doc_id FROM batch_documents
UNION
SELECT doc_id FROM batch_event_docs
ON CONFLICT (doc_id) DO NOTHING;
