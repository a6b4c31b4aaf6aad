-- Grain: one row per asserted event after analyst overrides (suppressed events left out); `events` stays as coded.
-- Overrides (table overrides, keyed by Event.fingerprint) apply here, so every view built on this one honours them
-- and they survive re-extraction. A retyped event takes quad_class and score from event_types (its mode's row, else the root).
CREATE OR REPLACE VIEW events_effective AS
WITH o AS (
    SELECT fingerprint,
           bool_or(action = 'suppress')                               AS suppressed,
           bool_or(action = 'retype')                                 AS retyped,
           max(new_event_type)     FILTER (WHERE action = 'retype')   AS new_event_type,
           max(new_mode)           FILTER (WHERE action = 'retype')   AS new_mode,
           bool_or(action = 'redate')                                 AS redated,
           max(new_event_date)     FILTER (WHERE action = 'redate')   AS new_event_date,
           max(new_date_precision) FILTER (WHERE action = 'redate')   AS new_date_precision,
           max(new_actor1)         FILTER (WHERE action = 'reactor')  AS new_actor1,
           max(new_actor2)         FILTER (WHERE action = 'reactor')  AS new_actor2,
           string_agg(action, ',' ORDER BY action)                    AS overrides
    FROM overrides
    WHERE coalesce(active, true)
    GROUP BY fingerprint
),
types AS (
    SELECT event_type, mode, min(quad_class) AS quad_class, min(score) AS score
    FROM event_types
    GROUP BY event_type, mode
),
e AS (
    SELECT ev.*,
           CASE WHEN o.retyped THEN o.new_event_type ELSE ev.event_type END           AS eff_type,
           CASE WHEN o.retyped THEN o.new_mode ELSE ev.mode END                       AS eff_mode,
           coalesce(o.retyped, false)                                                 AS retyped,
           o.redated, o.new_event_date, o.new_date_precision, o.new_actor1, o.new_actor2, o.overrides
    FROM events ev
    LEFT JOIN o USING (fingerprint)
    WHERE ev.status = 'asserted' AND NOT coalesce(o.suppressed, false)
)
SELECT e.event_id,
       e.fingerprint,
       e.doc_id,
       d.source_id,
       d.url                                                            AS doc_url,
       d.published_at,
       e.sentence_index,
       e.start_char,
       e.end_char,
       e.evidence,
       coalesce(e.new_actor1, e.actor1)                                 AS actor1,
       coalesce(e.new_actor2, e.actor2)                                 AS actor2,
       e.eff_type                                                       AS event_type,
       e.eff_mode                                                       AS mode,
       CASE WHEN e.retyped THEN coalesce(tm.quad_class, tr.quad_class) ELSE e.quad_class END AS quad_class,
       CASE WHEN e.retyped THEN coalesce(tm.score, tr.score) ELSE e.score END                AS score,
       CASE WHEN e.redated THEN e.new_event_date ELSE e.event_date END  AS event_date,
       CASE WHEN e.redated THEN coalesce(e.new_date_precision, CASE WHEN e.new_event_date IS NULL THEN 'none' ELSE 'day' END)
            ELSE e.date_precision END                                   AS date_precision,
       CASE WHEN e.redated THEN 'override' ELSE e.date_source END       AS date_source,
       e.date_text,
       e.quantity_value,
       e.quantity_unit,
       e.quantity_text,
       e.fatalities,
       e.location,
       e.location_country,
       e.trigger,
       e.actor1_text,
       e.actor2_text,
       e.confidence,
       e.coder_version,
       e.extracted_at,
       e.overrides
FROM e
LEFT JOIN documents d ON d.doc_id = e.doc_id
LEFT JOIN types tm ON tm.event_type = e.eff_type AND tm.mode = e.eff_mode
LEFT JOIN types tr ON tr.event_type = e.eff_type AND tr.mode IS NULL;
