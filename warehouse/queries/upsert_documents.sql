-- batch_documents: Document fields + coder_version (NULL when the batch carries no events for the doc) + seen_at
INSERT INTO documents (doc_id, source_id, url, canonical_url, title, author, published_at, published_precision,
                       language, text, content_hash, text_hash, parser, coder_version, first_seen, updated_at)
SELECT doc_id, source_id, url, canonical_url, title, author, published_at, published_precision,
       language, text, content_hash, text_hash, parser, coder_version, seen_at, seen_at
FROM batch_documents
ON CONFLICT (doc_id) DO UPDATE SET
    source_id = excluded.source_id,
    url = excluded.url,
    canonical_url = excluded.canonical_url,
    title = excluded.title,
    author = excluded.author,
    published_at = excluded.published_at,
    published_precision = excluded.published_precision,
    language = excluded.language,
    text = excluded.text,
    content_hash = excluded.content_hash,
    text_hash = excluded.text_hash,
    parser = excluded.parser,
    coder_version = coalesce(excluded.coder_version, documents.coder_version),
    updated_at = excluded.updated_at;
