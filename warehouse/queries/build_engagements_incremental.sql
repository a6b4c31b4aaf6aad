-- Rebuild only the engagements that the pending documents' events belonged to at the last build (engagement_mentions)
-- or belong to now (engagement_keys), from all of their events (run inside one transaction, after engagement_keys;
-- write_engagements finishes it). Valid when nothing but documents and events changed since the last build: an event
-- of a document that is not pending keeps the group key it had then, so every current event of an affected
-- engagement is either a pending document's or one of its mentions. tests/test_views.py checks that this equals a
-- full rebuild.
CREATE OR REPLACE TEMP TABLE engagement_scope AS
SELECT engagement_id FROM engagement_mentions WHERE doc_id IN (SELECT doc_id FROM engagements_pending)
UNION
SELECT engagement_id FROM engagement_keys WHERE doc_id IN (SELECT doc_id FROM engagements_pending);

CREATE OR REPLACE TEMP TABLE engagement_keyed AS
SELECT k.engagement_id, k.group_key, k.event_id, k.doc_id, k.source_id, k.doc_url, k.published_at, k.actor1,
       k.actor2, k.event_type, k.mode, k.quad_class, k.score, k.period_start, k.date_precision, k.location,
       k.location_country, k.quantity_value, k.quantity_unit, k.fatalities, k.evidence,   -- what write_engagements reads
       row_number() OVER (PARTITION BY k.group_key
                          ORDER BY k.published_at NULLS LAST, k.doc_first_seen NULLS LAST, k.doc_id,
                                   k.sentence_index, k.event_id) AS mention_rank
FROM engagement_keys k
WHERE k.doc_id IN (SELECT doc_id FROM engagements_pending
                   UNION
                   SELECT doc_id FROM engagement_mentions
                   WHERE engagement_id IN (SELECT engagement_id FROM engagement_scope))
  AND k.engagement_id IN (SELECT engagement_id FROM engagement_scope);

DELETE FROM engagement_mentions WHERE engagement_id IN (SELECT engagement_id FROM engagement_scope);
DELETE FROM engagements WHERE engagement_id IN (SELECT engagement_id FROM engagement_scope);
DROP TABLE engagement_scope;
