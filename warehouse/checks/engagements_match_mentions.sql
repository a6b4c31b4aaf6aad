-- Engagements agree with their mentions: counts match the link table, every mention points to a live effective event,
-- and every effective event is the mention of exactly one engagement.
WITH m AS (
    SELECT engagement_id, count(*) AS n, count(DISTINCT doc_id) AS docs
    FROM engagement_mentions GROUP BY engagement_id
),
-- the event ids of both sides counted in one streaming aggregate (it spills under a memory cap), not joined to each
-- other (two hash tables of every event, held at once); only ids with a problem are kept: mentioned not exactly once,
-- or no effective event
ids AS (
    SELECT event_id, count(*) FILTER (WHERE is_mention) AS mentions, count(*) FILTER (WHERE NOT is_mention) AS events
    FROM (SELECT event_id, true AS is_mention FROM engagement_mentions
          UNION ALL
          SELECT event_id, false FROM events_effective) AS both_sides
    GROUP BY event_id
    HAVING count(*) FILTER (WHERE is_mention) <> 1 OR count(*) FILTER (WHERE NOT is_mention) = 0
)
SELECT 'counts differ' AS problem, g.engagement_id AS id
FROM engagements g LEFT JOIN m USING (engagement_id)
WHERE m.n IS DISTINCT FROM g.n_mentions OR m.docs IS DISTINCT FROM g.n_documents
UNION ALL
SELECT 'mention of a missing engagement', m.engagement_id
FROM engagement_mentions m LEFT JOIN engagements g USING (engagement_id) WHERE g.engagement_id IS NULL
UNION ALL
-- one row per mention of a missing event, one per effective event in no engagement (as a join of the two sides gives)
SELECT 'mention of a missing event', event_id FROM (SELECT event_id, unnest(range(mentions)) FROM ids WHERE events = 0)
UNION ALL
SELECT 'event in no engagement', event_id FROM (SELECT event_id, unnest(range(events)) FROM ids WHERE mentions = 0)
UNION ALL
SELECT 'event in several engagements', event_id
FROM ids WHERE mentions > 1
