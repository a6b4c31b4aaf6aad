-- The schema version lives in the warehouse file: one row per applied migration (warehouse/schema/NNN_*.sql).
CREATE TABLE IF NOT EXISTS schema_migrations (
    version     INTEGER PRIMARY KEY,
    name        VARCHAR NOT NULL,
    checksum    VARCHAR,
    applied_at  TIMESTAMP
);
