-- The HTTP validators of each URL's latest ok fetch (for conditional GETs).
SELECT url, etag, last_modified, content_hash
FROM fetches
WHERE outcome = 'ok'
QUALIFY row_number() OVER (PARTITION BY url ORDER BY fetched_at DESC NULLS LAST, fetch_id DESC) = 1;
