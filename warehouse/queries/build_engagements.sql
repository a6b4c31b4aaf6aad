-- Rebuild one slice of engagements and engagement_mentions from the effective events (run inside one transaction,
-- after engagement_keys and clear_engagements; write_engagements finishes each slice). A slice is every event whose
-- group key hashes to $slice modulo $slices, so an engagement and all of its events are in one slice, and the
-- window and the grouping never hold more than one slice (refresh_views picks $slices from the number of events;
-- one slice takes everything). Reversible: nothing is deleted from events; engagement_mentions links every
-- engagement to all of its events.
CREATE OR REPLACE TEMP TABLE engagement_keyed AS
SELECT k.engagement_id, k.group_key, k.event_id, k.doc_id, k.source_id, k.doc_url, k.published_at, k.actor1,
       k.actor2, k.event_type, k.mode, k.quad_class, k.score, k.period_start, k.date_precision, k.location,
       k.location_country, k.quantity_value, k.quantity_unit, k.fatalities, k.evidence,   -- what write_engagements reads
       row_number() OVER (PARTITION BY k.group_key
                          ORDER BY k.published_at NULLS LAST, k.doc_first_seen NULLS LAST, k.doc_id,
                                   k.sentence_index, k.event_id) AS mention_rank
FROM engagement_keys k
WHERE hash(k.group_key) % $slices = $slice;
