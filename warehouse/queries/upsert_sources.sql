-- batch_sources: source_id, kind, location, config_json, seen_at
INSERT INTO sources (source_id, kind, location, config_json, first_seen, updated_at)
SELECT source_id, kind, location, config_json, seen_at, seen_at FROM batch_sources
ON CONFLICT (source_id) DO UPDATE SET
    kind = excluded.kind,
    location = excluded.location,
    config_json = excluded.config_json,
    updated_at = excluded.updated_at;
