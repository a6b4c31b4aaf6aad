-- The batch's events, every status, with quad_class and score from event_types: the row of the event's mode
-- if there is one, else the root type's row. Read by insert_events (asserted) and replace_candidates (the rest).
CREATE OR REPLACE TEMP TABLE batch_events AS
SELECT b.*,
       coalesce(tm.quad_class, tr.quad_class) AS quad_class,
       coalesce(tm.score, tr.score)           AS score
FROM batch_event_rows b
LEFT JOIN (SELECT event_type, mode, min(quad_class) AS quad_class, min(score) AS score
           FROM event_types WHERE mode IS NOT NULL GROUP BY event_type, mode) tm
       ON tm.event_type = b.event_type AND tm.mode = b.mode
LEFT JOIN (SELECT event_type, min(quad_class) AS quad_class, min(score) AS score
           FROM event_types WHERE mode IS NULL GROUP BY event_type) tr
       ON tr.event_type = b.event_type;
