-- An analyst override (one per fingerprint and action); re-adding replaces it and makes it active again.
INSERT INTO overrides (fingerprint, action, new_event_type, new_mode, new_event_date, new_date_precision,
                       new_actor1, new_actor2, reason, author, active, created_at)
VALUES ($fingerprint, $action, $new_event_type, $new_mode, $new_event_date, $new_date_precision,
        $new_actor1, $new_actor2, $reason, $author, true, $created_at)
ON CONFLICT (fingerprint, action) DO UPDATE SET
    new_event_type = excluded.new_event_type, new_mode = excluded.new_mode,
    new_event_date = excluded.new_event_date, new_date_precision = excluded.new_date_precision,
    new_actor1 = excluded.new_actor1, new_actor2 = excluded.new_actor2, reason = excluded.reason,
    author = excluded.author, active = true, created_at = excluded.created_at;
