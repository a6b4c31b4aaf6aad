-- Every id is unique: event_id in events and event_candidates (and never in both), doc_id in documents, engagement_id in engagements.
SELECT 'events' AS tbl, event_id AS id, count(*) AS n FROM events GROUP BY event_id HAVING count(*) > 1
UNION ALL
SELECT 'event_candidates', event_id, count(*) FROM event_candidates GROUP BY event_id HAVING count(*) > 1
UNION ALL
SELECT 'events and event_candidates', event_id, 2 FROM events WHERE event_id IN (SELECT event_id FROM event_candidates)
UNION ALL
SELECT 'documents', doc_id, count(*) FROM documents GROUP BY doc_id HAVING count(*) > 1
UNION ALL
SELECT 'engagements', engagement_id, count(*) FROM engagements GROUP BY engagement_id HAVING count(*) > 1
