-- 001 core: where the data comes from (sources, fetches), what was read (documents), what was coded (events),
-- the reference vocabularies (actors, actor_aliases, event_types) and the run log (runs).
-- Idempotent: every statement may run again on a warehouse that already has it.

CREATE TABLE IF NOT EXISTS sources (
    source_id    VARCHAR PRIMARY KEY,
    kind         VARCHAR NOT NULL,          -- page | feed | sitemap | files
    location     VARCHAR,                   -- URL or path
    config_json  VARCHAR,
    first_seen   TIMESTAMP,
    updated_at   TIMESTAMP
);

-- one row per fetch attempt (or local file read)
CREATE TABLE IF NOT EXISTS fetches (
    fetch_id       VARCHAR PRIMARY KEY,
    run_id         VARCHAR,
    source_id      VARCHAR,
    url            VARCHAR NOT NULL,
    final_url      VARCHAR,
    outcome        VARCHAR NOT NULL,        -- ok | not_modified | failed | blocked | skipped
    status_code    INTEGER,
    error          VARCHAR,
    bytes          BIGINT,
    duration_ms    DOUBLE,
    attempts       INTEGER,
    content_type   VARCHAR,
    content_hash   VARCHAR,                 -- sha256 of the body, the key into the raw store
    etag           VARCHAR,
    last_modified  VARCHAR,
    headers_json   VARCHAR,
    fetched_at     TIMESTAMP,
    feed_title     VARCHAR,
    feed_published TIMESTAMP
);

-- one row per document (doc_id derives from the URL it was read from)
CREATE TABLE IF NOT EXISTS documents (
    doc_id              VARCHAR PRIMARY KEY,
    source_id           VARCHAR,
    url                 VARCHAR NOT NULL,
    canonical_url       VARCHAR,
    title               VARCHAR,
    author              VARCHAR,
    published_at        DATE,
    published_precision VARCHAR,
    language            VARCHAR,
    text                VARCHAR,
    content_hash        VARCHAR,
    text_hash           VARCHAR,
    parser              VARCHAR,
    coder_version       VARCHAR,
    first_seen          TIMESTAMP,
    updated_at          TIMESTAMP
);

CREATE TABLE IF NOT EXISTS actors (
    code     VARCHAR PRIMARY KEY,
    name     VARCHAR,
    kind     VARCHAR,                       -- state | group | organisation | ...
    country  VARCHAR
);

CREATE TABLE IF NOT EXISTS actor_aliases (
    alias       VARCHAR NOT NULL,
    code        VARCHAR NOT NULL,
    kind        VARCHAR,
    valid_from  DATE,
    valid_to    DATE
);

-- PLOVER root types (mode NULL) and their modes; quad_class 1 verbal cooperation, 2 material cooperation,
-- 3 verbal conflict, 4 material conflict
CREATE TABLE IF NOT EXISTS event_types (
    event_type  VARCHAR NOT NULL,
    mode        VARCHAR,
    quad_class  INTEGER,
    quad        VARCHAR,
    score       DOUBLE,
    definition  VARCHAR
);

-- one row per asserted event (negated / hypothetical / planned ones live in event_candidates)
CREATE TABLE IF NOT EXISTS events (
    event_id          VARCHAR PRIMARY KEY,
    fingerprint       VARCHAR NOT NULL,
    doc_id            VARCHAR NOT NULL,
    sentence_index    INTEGER,
    start_char        INTEGER,
    end_char          INTEGER,
    evidence          VARCHAR,
    actor1            VARCHAR,
    actor2            VARCHAR,
    event_type        VARCHAR NOT NULL,
    mode              VARCHAR,
    event_date        DATE,
    date_precision    VARCHAR,
    date_source       VARCHAR,
    date_text         VARCHAR,
    quantity_value    DOUBLE,
    quantity_unit     VARCHAR,
    quantity_text     VARCHAR,
    fatalities        INTEGER,
    location          VARCHAR,
    location_country  VARCHAR,
    trigger           VARCHAR,
    actor1_text       VARCHAR,
    actor2_text       VARCHAR,
    confidence        DOUBLE,
    coder_version     VARCHAR,
    status            VARCHAR,
    quad_class        INTEGER,
    score             DOUBLE,
    extracted_at      TIMESTAMP
);

CREATE TABLE IF NOT EXISTS runs (
    run_id       VARCHAR PRIMARY KEY,
    started_at   TIMESTAMP,
    finished_at  TIMESTAMP,
    status       VARCHAR,
    params_json  VARCHAR,
    counts_json  VARCHAR
);
