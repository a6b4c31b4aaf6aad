-- New asserted events (an event_id already stored is unchanged: ids derive from content; the primary key
-- index finds them, so the cost of a batch does not grow with the warehouse). quad_class and score
-- come from event_types: the row of the event's mode if there is one, else the root type's row.
INSERT INTO events BY NAME
SELECT b.*,
       coalesce(tm.quad_class, tr.quad_class) AS quad_class,
       coalesce(tm.score, tr.score)           AS score
FROM batch_events b
LEFT JOIN (SELECT event_type, mode, min(quad_class) AS quad_class, min(score) AS score
           FROM event_types WHERE mode IS NOT NULL GROUP BY event_type, mode) tm
       ON tm.event_type = b.event_type AND tm.mode = b.mode
LEFT JOIN (SELECT event_type, min(quad_class) AS quad_class, min(score) AS score
           FROM event_types WHERE mode IS NULL GROUP BY event_type) tr
       ON tr.event_type = b.event_type
ON CONFLICT (event_id) DO NOTHING;
