-- Per local file URL, what decides whether a refresh may skip reading it (flows/fetch.py file_skip_reason): the
-- stat recorded by the last successful read (outcome ok with a stat: a page that read but could not be parsed is
-- 'failed'), when that read was, and the last failed read. Skipped rows are not reads. Only file:// URLs.
WITH good AS (
    SELECT url, file_size, file_mtime_ns, file_inode, fetched_at AS read_at
    FROM fetches
    WHERE outcome = 'ok' AND file_size IS NOT NULL AND starts_with(url, $prefix)
    QUALIFY row_number() OVER (PARTITION BY url ORDER BY fetched_at DESC NULLS LAST, fetch_id DESC) = 1
),
bad AS (
    SELECT url, max(fetched_at) AS failed_at
    FROM fetches
    WHERE outcome IN ('failed', 'blocked') AND starts_with(url, $prefix)
    GROUP BY url
)
SELECT good.url, good.file_size, good.file_mtime_ns, good.file_inode, good.read_at, bad.failed_at
FROM good
LEFT JOIN bad USING (url);
