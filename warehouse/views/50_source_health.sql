-- Grain: one row per source (every source_id in sources, fetches or documents).
-- last_success = latest fetch that was ok or not_modified; last_error = the latest failed or blocked fetch.
CREATE OR REPLACE VIEW source_health AS
WITH ids AS (
    SELECT source_id FROM sources
    UNION SELECT source_id FROM fetches WHERE source_id IS NOT NULL
    UNION SELECT source_id FROM documents WHERE source_id IS NOT NULL
),
f AS (
    SELECT source_id,
           count(*)                                                              AS fetches,
           count(*) FILTER (WHERE outcome IN ('ok', 'not_modified'))             AS fetches_ok,
           count(*) FILTER (WHERE outcome IN ('failed', 'blocked'))              AS fetches_failed,
           max(fetched_at) FILTER (WHERE outcome IN ('ok', 'not_modified'))      AS last_success_at,
           max(fetched_at) FILTER (WHERE outcome IN ('failed', 'blocked'))       AS last_error_at,
           arg_max(error, fetched_at) FILTER (WHERE outcome IN ('failed', 'blocked')) AS last_error,
           arg_max(outcome, fetched_at)                                          AS last_outcome
    FROM fetches
    GROUP BY source_id
),
d AS (
    SELECT source_id, count(*) AS documents, max(updated_at) AS last_document_at
    FROM documents GROUP BY source_id
),
e AS (
    SELECT d.source_id, count(*) AS events
    FROM events ev JOIN documents d USING (doc_id)
    WHERE ev.status = 'asserted'
    GROUP BY d.source_id
)
SELECT ids.source_id,
       s.kind,
       s.location,
       CASE WHEN f.last_success_at IS NULL AND f.last_error_at IS NULL THEN 'never fetched'
            WHEN f.last_error_at IS NOT NULL AND (f.last_success_at IS NULL OR f.last_error_at > f.last_success_at)
                 THEN 'failing'
            ELSE 'ok' END                 AS health,
       f.last_success_at,
       f.last_error_at,
       f.last_error,
       f.last_outcome,
       coalesce(f.fetches, 0)           AS fetches,
       coalesce(f.fetches_ok, 0)        AS fetches_ok,
       coalesce(f.fetches_failed, 0)    AS fetches_failed,
       coalesce(d.documents, 0)         AS documents,
       coalesce(e.events, 0)            AS events,
       d.last_document_at
FROM ids
LEFT JOIN sources s ON s.source_id = ids.source_id
LEFT JOIN f ON f.source_id = ids.source_id
LEFT JOIN d ON d.source_id = ids.source_id
LEFT JOIN e ON e.source_id = ids.source_id;
