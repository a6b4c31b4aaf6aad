-- batch_fetches: one row per fetch attempt; a fetch_id already present is left alone (reruns add nothing)
INSERT INTO fetches BY NAME
SELECT * FROM batch_fetches
ON CONFLICT (fetch_id) DO NOTHING;
