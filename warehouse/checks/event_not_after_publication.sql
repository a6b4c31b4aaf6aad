-- An event's date (at its precision) is not after its document's publication date.
SELECT e.event_id, e.doc_id, e.event_date, e.date_precision, d.published_at
FROM events e
JOIN documents d USING (doc_id)
WHERE e.event_date IS NOT NULL
  AND d.published_at IS NOT NULL
  AND e.date_precision IN ('day', 'month', 'year')
  AND CAST(date_trunc(e.date_precision, e.event_date) AS DATE) > d.published_at
