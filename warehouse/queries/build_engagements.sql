-- Rebuild engagements and engagement_mentions from every effective event (run inside one transaction, after
-- engagement_keys; write_engagements finishes it). Reversible: nothing is deleted from events;
-- engagement_mentions links every engagement to all of its events.
CREATE OR REPLACE TEMP TABLE engagement_keyed AS
SELECT k.engagement_id, k.group_key, k.event_id, k.doc_id, k.source_id, k.doc_url, k.published_at, k.actor1,
       k.actor2, k.event_type, k.mode, k.quad_class, k.score, k.period_start, k.date_precision, k.location,
       k.location_country, k.quantity_value, k.quantity_unit, k.fatalities, k.evidence,   -- what write_engagements reads
       row_number() OVER (PARTITION BY k.group_key
                          ORDER BY k.published_at NULLS LAST, k.doc_first_seen NULLS LAST, k.doc_id,
                                   k.sentence_index, k.event_id) AS mention_rank
FROM engagement_keys k;

DELETE FROM engagement_mentions;
DELETE FROM engagements;
