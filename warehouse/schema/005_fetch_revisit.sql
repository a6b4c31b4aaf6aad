-- 005: what a refresh needs to skip a request the listing or the cache says is not needed (flows/fetch.py
-- skip_reason), and the record of each skip.

-- the listing's date for the page when this row was made (sitemap <lastmod> / feed item updated or pubDate),
-- canonical text (transforms.feeds.Stamp.text): "2024-06-11", "2024-06-11T10:05:07+00:00", ...
ALTER TABLE fetches ADD COLUMN IF NOT EXISTS listed_lastmod VARCHAR;
-- RFC 9111: until when the response may be reused without asking the server (explicit max-age / Expires only)
ALTER TABLE fetches ADD COLUMN IF NOT EXISTS fresh_until TIMESTAMP;
-- why a page was not requested (outcome 'skipped'): unchanged per sitemap lastmod | unchanged per feed item date
-- | fresh per Cache-Control/Expires
ALTER TABLE fetches ADD COLUMN IF NOT EXISTS skip_reason VARCHAR;
