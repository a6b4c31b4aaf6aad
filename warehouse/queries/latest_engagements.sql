-- The newest engagements, for the run summary.
SELECT event_date, date_precision, actor1, actor2, event_type, location, n_sources
FROM engagement_timeline
ORDER BY event_date DESC NULLS LAST, actor1, actor2, event_type
LIMIT $limit;
