-- 004: what refresh_views needs to rebuild only the engagements a load touched (hot spot 5 in docs/PERFORMANCE.md).

-- The inputs of the last engagements build other than documents and events (the build's SQL, reference data,
-- overrides), as one hash: when it differs, the next build is a full one. One row at most.
CREATE TABLE IF NOT EXISTS engagements_built (
    inputs_hash  VARCHAR NOT NULL,
    built_at     TIMESTAMP
);

-- Documents whose row or event list a load changed since the last build (save_batch adds them in the load's
-- transaction; refresh_views rebuilds the engagements their old and new events belong to, then empties this).
CREATE TABLE IF NOT EXISTS engagements_pending (
    doc_id  VARCHAR PRIMARY KEY
);
