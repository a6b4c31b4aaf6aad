-- Rebuild engagements and engagement_mentions from events_effective (run inside one transaction).
-- Rule: asserted, unsuppressed events are one engagement when they share actor1, actor2, event_type, date precision,
-- the date truncated to that precision, and place (location, trimmed, case-insensitive). Undated events (precision
-- 'none' or no date) are never merged: nothing says two undated reports are the same occurrence, so each keeps its own
-- engagement keyed by its fingerprint. engagement_id = 'g_' + sha256(group key)[:20], stable across rebuilds.
-- Reversible: nothing is deleted from events; engagement_mentions links every engagement to all of its events.
CREATE OR REPLACE TEMP TABLE engagement_keyed AS
WITH dated AS (
    SELECT e.*,
           CASE WHEN e.event_date IS NOT NULL AND e.date_precision IN ('day', 'month', 'year')
                THEN CAST(date_trunc(e.date_precision, e.event_date) AS DATE) END AS period_start
    FROM events_effective e
),
keyed AS (
    SELECT d.*,
           CASE WHEN d.period_start IS NULL THEN 'undated|' || d.fingerprint
                ELSE concat_ws('|', coalesce(d.actor1, ''), coalesce(d.actor2, ''), d.event_type, d.date_precision,
                               strftime(d.period_start, '%Y-%m-%d'), lower(trim(coalesce(d.location, ''))))
           END AS group_key,
           doc.first_seen AS doc_first_seen
    FROM dated d
    LEFT JOIN documents doc ON doc.doc_id = d.doc_id
)
SELECT k.*,
       'g_' || left(sha256(k.group_key), 20) AS engagement_id,
       row_number() OVER (PARTITION BY k.group_key
                          ORDER BY k.published_at NULLS LAST, k.doc_first_seen NULLS LAST, k.doc_id,
                                   k.sentence_index, k.event_id) AS mention_rank
FROM keyed k;

DELETE FROM engagement_mentions;
DELETE FROM engagements;

INSERT INTO engagements
SELECT k.engagement_id,
       k.group_key,
       any_value(k.actor1),
       any_value(k.actor2),
       any_value(k.event_type),
       arg_min(k.mode, k.mention_rank),
       arg_min(k.quad_class, k.mention_rank),
       arg_min(k.score, k.mention_rank),
       any_value(k.period_start),
       CASE WHEN any_value(k.period_start) IS NULL THEN 'none' ELSE any_value(k.date_precision) END,
       arg_min(k.location, k.mention_rank),
       arg_min(k.location_country, k.mention_rank),
       arg_min(k.quantity_value, k.mention_rank) FILTER (WHERE k.quantity_value IS NOT NULL),
       arg_min(k.quantity_unit, k.mention_rank) FILTER (WHERE k.quantity_value IS NOT NULL),
       max(k.fatalities),
       count(*),
       count(DISTINCT k.doc_id),
       count(DISTINCT coalesce(k.source_id, k.doc_id)),
       arg_min(k.event_id, k.mention_rank),
       arg_min(k.evidence, k.mention_rank),
       arg_min(k.doc_url, k.mention_rank),
       min(k.published_at)
FROM engagement_keyed k
GROUP BY k.engagement_id, k.group_key;

INSERT INTO engagement_mentions
SELECT engagement_id, event_id, doc_id, source_id
FROM engagement_keyed;

DROP TABLE engagement_keyed;
