-- Per document, its latest ok fetch (the raw bytes are in the raw store under content_hash): for `caravan reprocess`.
SELECT d.doc_id, f.url, f.final_url, coalesce(f.source_id, d.source_id) AS source_id, f.content_hash,
       f.content_type, f.headers_json, f.fetched_at, f.feed_title, f.feed_published
FROM documents d
JOIN fetches f ON f.url = d.url AND f.outcome = 'ok' AND f.content_hash IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY d.doc_id
                           ORDER BY (f.content_hash = d.content_hash) DESC, f.fetched_at DESC NULLS LAST, f.fetch_id DESC) = 1
ORDER BY d.doc_id;
