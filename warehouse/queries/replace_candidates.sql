-- Non-asserted events (negated / hypothetical / planned) of the batch's documents: replaced wholesale.
DELETE FROM event_candidates WHERE doc_id IN (SELECT doc_id FROM batch_event_docs);
INSERT INTO event_candidates BY NAME
SELECT * FROM batch_events WHERE status <> 'asserted';
