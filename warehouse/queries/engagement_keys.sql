-- Each effective event with its engagement's group key and id (a temporary view, read by build_engagements and
-- build_engagements_incremental, so both group by the same rule).
-- Rule: asserted, unsuppressed events are one engagement when they share actor1, actor2, event_type, date precision,
-- the date truncated to that precision, and place (location, trimmed, case-insensitive). Undated events (precision
-- 'none' or no date) are never merged: nothing says two undated reports are the same occurrence, so each keeps its own
-- engagement keyed by its fingerprint. engagement_id = 'g_' + sha256(group key)[:20], stable across rebuilds.
CREATE OR REPLACE TEMP VIEW engagement_keys AS
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
SELECT k.*, 'g_' || left(sha256(k.group_key), 20) AS engagement_id
FROM keyed k;
