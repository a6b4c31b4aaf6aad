-- Per URL, what decides whether a refresh may skip requesting it (flows/fetch.py skip_reason): the last time the
-- server gave us the page or said it had not changed (ok / not_modified), the listing's date and the freshness
-- recorded then, the last failed or blocked request, and the cache headers of the last full response (a 304
-- without its own Cache-Control / Expires keeps them, RFC 9111 §4.3.4). Skipped rows are not contacts.
WITH good AS (
    SELECT url, fetched_at AS checked_at, listed_lastmod, fresh_until
    FROM fetches
    WHERE outcome IN ('ok', 'not_modified') AND status_code IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY url ORDER BY fetched_at DESC NULLS LAST, fetch_id DESC) = 1
),
bad AS (
    SELECT url, max(fetched_at) AS failed_at
    FROM fetches
    WHERE outcome IN ('failed', 'blocked')
    GROUP BY url
),
full_response AS (
    SELECT url,
           json_extract_string(headers_json, '$."cache-control"') AS cache_control,
           json_extract_string(headers_json, '$.expires')         AS expires
    FROM fetches
    WHERE outcome = 'ok' AND status_code IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY url ORDER BY fetched_at DESC NULLS LAST, fetch_id DESC) = 1
)
SELECT good.url, good.checked_at, good.listed_lastmod, good.fresh_until, bad.failed_at,
       full_response.cache_control, full_response.expires
FROM good
LEFT JOIN bad USING (url)
LEFT JOIN full_response USING (url);
