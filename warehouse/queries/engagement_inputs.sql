-- What engagements depend on besides documents and events: reference data (event_types scores) and overrides.
-- refresh_views hashes these with the build's SQL; a change means a full rebuild. Also: the last build's hash and
-- how many documents are pending since, of how many.
SELECT (SELECT coalesce(string_agg(name || '=' || coalesce(content_hash, ''), ',' ORDER BY name), '')
        FROM reference_data)                                                            AS reference,
       (SELECT coalesce(md5(string_agg(CAST(to_json(o) AS VARCHAR), chr(10)
                                       ORDER BY o.fingerprint, o.action)), '')
        FROM overrides o)                                                               AS overrides,
       (SELECT inputs_hash FROM engagements_built LIMIT 1)                              AS built,
       (SELECT count(*) FROM engagements_pending)                                       AS pending,
       (SELECT count(*) FROM documents)                                                 AS documents;
