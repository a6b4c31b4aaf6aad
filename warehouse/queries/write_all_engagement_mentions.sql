-- A full rebuild links every effective event to its engagement in one streaming insert, after the slices (each
-- slice writes only its engagements, so the rebuild's transaction never holds every mention in small pieces).
INSERT INTO engagement_mentions
SELECT engagement_id, event_id, doc_id, source_id
FROM engagement_keys;
