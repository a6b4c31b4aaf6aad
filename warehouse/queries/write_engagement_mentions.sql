-- Link each event of engagement_keyed (build_engagements_incremental) to its engagement; before write_engagements.
INSERT INTO engagement_mentions
SELECT engagement_id, event_id, doc_id, source_id
FROM engagement_keyed;
