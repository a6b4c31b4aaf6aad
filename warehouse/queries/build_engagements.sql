-- Rebuild engagements and engagement_mentions from every effective event (run inside one transaction, after
-- engagement_keys; write_engagements finishes it). Reversible: nothing is deleted from events;
-- engagement_mentions links every engagement to all of its events.
CREATE OR REPLACE TEMP TABLE engagement_keyed AS
SELECT k.*,
       row_number() OVER (PARTITION BY k.group_key
                          ORDER BY k.published_at NULLS LAST, k.doc_first_seen NULLS LAST, k.doc_id,
                                   k.sentence_index, k.event_id) AS mention_rank
FROM engagement_keys k;

DELETE FROM engagement_mentions;
DELETE FROM engagements;
