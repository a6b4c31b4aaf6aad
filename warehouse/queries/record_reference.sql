INSERT INTO reference_data (name, content_hash, n_rows, loaded_at) VALUES ($name, $content_hash, $n_rows, $loaded_at)
ON CONFLICT (name) DO UPDATE SET content_hash = excluded.content_hash, n_rows = excluded.n_rows, loaded_at = excluded.loaded_at;
