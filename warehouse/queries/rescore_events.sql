-- After event_types changed: refresh the quad_class and score stored on events and candidates.
UPDATE events SET
    quad_class = coalesce((SELECT min(t.quad_class) FROM event_types t WHERE t.event_type = events.event_type AND t.mode = events.mode),
                          (SELECT min(t.quad_class) FROM event_types t WHERE t.event_type = events.event_type AND t.mode IS NULL)),
    score      = coalesce((SELECT min(t.score) FROM event_types t WHERE t.event_type = events.event_type AND t.mode = events.mode),
                          (SELECT min(t.score) FROM event_types t WHERE t.event_type = events.event_type AND t.mode IS NULL));
UPDATE event_candidates SET
    quad_class = coalesce((SELECT min(t.quad_class) FROM event_types t WHERE t.event_type = event_candidates.event_type AND t.mode = event_candidates.mode),
                          (SELECT min(t.quad_class) FROM event_types t WHERE t.event_type = event_candidates.event_type AND t.mode IS NULL)),
    score      = coalesce((SELECT min(t.score) FROM event_types t WHERE t.event_type = event_candidates.event_type AND t.mode = event_candidates.mode),
                          (SELECT min(t.score) FROM event_types t WHERE t.event_type = event_candidates.event_type AND t.mode IS NULL));
