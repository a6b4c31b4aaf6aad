-- 002: analyst overrides, non-asserted event candidates, and the derived engagements (+ their mentions).

-- Analyst corrections keyed by Event.fingerprint() (stable across re-extraction). One row per
-- (fingerprint, action); delete the row (or set active = false) to undo it. Views apply them; `events` is never rewritten.
--   suppress: drop the event from every view       retype: new_event_type (and new_mode)
--   redate:   new_event_date + new_date_precision   reactor: new_actor1 / new_actor2 (NULL keeps the coded one)
CREATE TABLE IF NOT EXISTS overrides (
    fingerprint         VARCHAR NOT NULL,
    action              VARCHAR NOT NULL,   -- suppress | retype | redate | reactor
    new_event_type      VARCHAR,
    new_mode            VARCHAR,
    new_event_date      DATE,
    new_date_precision  VARCHAR,
    new_actor1          VARCHAR,
    new_actor2          VARCHAR,
    reason              VARCHAR,
    author              VARCHAR,
    active              BOOLEAN DEFAULT true,
    created_at          TIMESTAMP DEFAULT current_timestamp,
    PRIMARY KEY (fingerprint, action)
);

-- what the coder returned with status negated / hypothetical / planned: kept for review, never in timelines
CREATE TABLE IF NOT EXISTS event_candidates (
    event_id          VARCHAR NOT NULL,
    fingerprint       VARCHAR NOT NULL,
    doc_id            VARCHAR NOT NULL,
    sentence_index    INTEGER,
    start_char        INTEGER,
    end_char          INTEGER,
    evidence          VARCHAR,
    actor1            VARCHAR,
    actor2            VARCHAR,
    event_type        VARCHAR,
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

-- Derived: rebuilt from events_effective by warehouse/queries/build_engagements.sql after every load.
-- One row per engagement (events deduplicated across documents); engagement_id = hash of the grouping key.
CREATE TABLE IF NOT EXISTS engagements (
    engagement_id     VARCHAR PRIMARY KEY,
    group_key         VARCHAR,
    actor1            VARCHAR,
    actor2            VARCHAR,
    event_type        VARCHAR,
    mode              VARCHAR,
    quad_class        INTEGER,
    score             DOUBLE,
    event_date        DATE,
    date_precision    VARCHAR,
    location          VARCHAR,
    location_country  VARCHAR,
    quantity_value    DOUBLE,
    quantity_unit     VARCHAR,
    fatalities        INTEGER,
    n_mentions        INTEGER,
    n_documents       INTEGER,
    n_sources         INTEGER,
    first_event_id    VARCHAR,
    evidence          VARCHAR,
    evidence_url      VARCHAR,
    first_reported    DATE
);

-- one row per (engagement, event): every mention of an engagement
CREATE TABLE IF NOT EXISTS engagement_mentions (
    engagement_id  VARCHAR NOT NULL,
    event_id       VARCHAR NOT NULL,
    doc_id         VARCHAR NOT NULL,
    source_id      VARCHAR
);
