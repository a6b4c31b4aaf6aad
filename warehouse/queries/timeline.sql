-- caravan timeline: engagements, newest first, optionally for one actor and from a date on.
SELECT date_label AS date, actor1, actor2, event_type, mode, quad, score, location, quantity_value, quantity_unit,
       n_sources, evidence, evidence_url
FROM engagement_timeline
WHERE ($actor IS NULL OR actor1 = $actor OR actor2 = $actor)
  AND ($since IS NULL OR event_date >= $since)
ORDER BY event_date DESC NULLS LAST, actor1, actor2, event_type
LIMIT $limit;
