-- Non-asserted events (negated / hypothetical / planned) of the batch's documents: replaced wholesale.
DELETE FROM event_candidates WHERE doc_id IN (SELECT doc_id FROM batch_event_docs);
INSERT INTO event_candidates BY NAME
SELECT b.*,
       coalesce(tm.quad_class, tr.quad_class) AS quad_class,
       coalesce(tm.score, tr.score)           AS score
FROM batch_candidates b
LEFT JOIN (SELECT event_type, mode, min(quad_class) AS quad_class, min(score) AS score
           FROM event_types WHERE mode IS NOT NULL GROUP BY event_type, mode) tm
       ON tm.event_type = b.event_type AND tm.mode = b.mode
LEFT JOIN (SELECT event_type, min(quad_class) AS quad_class, min(score) AS score
           FROM event_types WHERE mode IS NULL GROUP BY event_type) tr
       ON tr.event_type = b.event_type;
