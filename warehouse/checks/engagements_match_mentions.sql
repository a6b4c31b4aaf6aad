-- Engagements agree with their mentions: counts match the link table, every mention points to a live effective event,
-- and every effective event is the mention of exactly one engagement.
WITH m AS (
    SELECT engagement_id, count(*) AS n, count(DISTINCT doc_id) AS docs
    FROM engagement_mentions GROUP BY engagement_id
)
SELECT 'counts differ' AS problem, g.engagement_id AS id
FROM engagements g LEFT JOIN m USING (engagement_id)
WHERE m.n IS DISTINCT FROM g.n_mentions OR m.docs IS DISTINCT FROM g.n_documents
UNION ALL
SELECT 'mention of a missing engagement', m.engagement_id
FROM engagement_mentions m LEFT JOIN engagements g USING (engagement_id) WHERE g.engagement_id IS NULL
UNION ALL
SELECT 'mention of a missing event', m.event_id
FROM engagement_mentions m LEFT JOIN events_effective e USING (event_id) WHERE e.event_id IS NULL
UNION ALL
SELECT 'event in no engagement', e.event_id
FROM events_effective e LEFT JOIN engagement_mentions m USING (event_id) WHERE m.event_id IS NULL
UNION ALL
SELECT 'event in several engagements', event_id
FROM engagement_mentions GROUP BY event_id HAVING count(*) > 1
