-- batch_event_docs: the documents whose complete event list is in this batch; batch_events: their events (stage_events).
-- Events of those documents that the new list no longer holds are removed.
DELETE FROM events
WHERE doc_id IN (SELECT doc_id FROM batch_event_docs)
  AND event_id NOT IN (SELECT event_id FROM batch_events WHERE status = 'asserted');
