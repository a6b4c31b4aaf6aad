-- Event types are PLOVER root types in event_types; precisions, date sources and statuses come from their fixed lists;
-- a dated precision has a date; override actions and their values are well formed.
SELECT 'event_type' AS problem, event_id AS id, event_type AS value FROM events
WHERE event_type NOT IN (SELECT event_type FROM event_types WHERE mode IS NULL)
UNION ALL
SELECT 'date_precision', event_id, date_precision FROM events
WHERE date_precision IS NULL OR date_precision NOT IN ('day', 'month', 'year', 'none')
UNION ALL
SELECT 'date without precision', event_id, CAST(event_date AS VARCHAR) FROM events
WHERE (event_date IS NULL) <> (date_precision = 'none')
UNION ALL
SELECT 'date_source', event_id, date_source FROM events
WHERE date_source IS NOT NULL AND date_source NOT IN ('explicit', 'relative', 'publication', 'none')
UNION ALL
SELECT 'status', event_id, status FROM events WHERE status IS DISTINCT FROM 'asserted'
UNION ALL
SELECT 'override action', fingerprint, action FROM overrides
WHERE action NOT IN ('suppress', 'retype', 'redate', 'reactor')
UNION ALL
SELECT 'override new_event_type', fingerprint, new_event_type FROM overrides
WHERE action = 'retype' AND (new_event_type IS NULL
      OR new_event_type NOT IN (SELECT event_type FROM event_types WHERE mode IS NULL))
UNION ALL
SELECT 'override new_date_precision', fingerprint, new_date_precision FROM overrides
WHERE action = 'redate' AND new_date_precision IS NOT NULL AND new_date_precision NOT IN ('day', 'month', 'year', 'none')
