-- Every actor code on an event or an override is in actors.
SELECT 'events.actor1' AS col, event_id AS id, actor1 AS code FROM events
WHERE actor1 IS NOT NULL AND actor1 NOT IN (SELECT code FROM actors)
UNION ALL
SELECT 'events.actor2', event_id, actor2 FROM events
WHERE actor2 IS NOT NULL AND actor2 NOT IN (SELECT code FROM actors)
UNION ALL
SELECT 'overrides.new_actor1', fingerprint, new_actor1 FROM overrides
WHERE new_actor1 IS NOT NULL AND new_actor1 NOT IN (SELECT code FROM actors)
UNION ALL
SELECT 'overrides.new_actor2', fingerprint, new_actor2 FROM overrides
WHERE new_actor2 IS NOT NULL AND new_actor2 NOT IN (SELECT code FROM actors)
