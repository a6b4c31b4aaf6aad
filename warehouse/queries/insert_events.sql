-- New asserted events (an event_id already stored is unchanged: ids derive from content; the primary key
-- index finds them, so the cost of a batch does not grow with the warehouse). Scores: stage_events.
INSERT INTO events BY NAME
SELECT * FROM batch_events WHERE status = 'asserted'
ON CONFLICT (event_id) DO NOTHING;
