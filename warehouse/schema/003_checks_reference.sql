-- 003: data-check results, reference-data bookkeeping, and the subject's small lookup tables
-- (which actors are the focus states, who counts as the Taliban's side and its opponents, known units).

CREATE TABLE IF NOT EXISTS quality_checks (
    run_id       VARCHAR NOT NULL,
    check_name   VARCHAR NOT NULL,
    description  VARCHAR,
    failed_rows  BIGINT,
    passed       BOOLEAN,
    sample_json  VARCHAR,
    checked_at   TIMESTAMP,
    PRIMARY KEY (run_id, check_name)
);

-- content hash of each reference table as last loaded (actors, actor_aliases, event_types)
CREATE TABLE IF NOT EXISTS reference_data (
    name          VARCHAR PRIMARY KEY,
    content_hash  VARCHAR,
    n_rows        BIGINT,
    loaded_at     TIMESTAMP
);

-- The subject: role 'focus' = the states whose posture we measure, 'target' = the counterpart
-- (the Taliban government and the country), 'opponent' = groups fighting the target: supporting one
-- counts as hostility toward the target. Analysts may add rows; country_posture reads only this table.
CREATE TABLE IF NOT EXISTS subject_actors (
    code  VARCHAR NOT NULL,
    role  VARCHAR NOT NULL,
    note  VARCHAR,
    PRIMARY KEY (code, role)
);
INSERT INTO subject_actors VALUES
    ('KAZ', 'focus', 'Kazakhstan'), ('KGZ', 'focus', 'Kyrgyzstan'), ('TJK', 'focus', 'Tajikistan'),
    ('TKM', 'focus', 'Turkmenistan'), ('UZB', 'focus', 'Uzbekistan'),
    ('TALIBAN', 'target', 'Taliban / Islamic Emirate, de facto government of Afghanistan'),
    ('AFG', 'target', 'Afghanistan, the country and its people'),
    ('NRF', 'opponent', 'National Resistance Front'),
    ('AFF', 'opponent', 'Afghanistan Freedom Front'),
    ('ISKP', 'opponent', 'Islamic State Khorasan Province')
ON CONFLICT DO NOTHING;

-- units a quantity may carry (check: known quantity units)
CREATE TABLE IF NOT EXISTS quantity_units (
    unit  VARCHAR PRIMARY KEY,
    kind  VARCHAR
);
INSERT INTO quantity_units VALUES
    ('USD', 'money'), ('EUR', 'money'), ('RUB', 'money'), ('CNY', 'money'), ('GBP', 'money'),
    ('KZT', 'money'), ('UZS', 'money'), ('KGS', 'money'), ('TJS', 'money'), ('TMT', 'money'),
    ('AFN', 'money'), ('INR', 'money'), ('PKR', 'money'), ('IRR', 'money'),
    ('tonnes', 'mass'), ('percent', 'ratio'), ('people', 'count'), ('km', 'length'),
    ('kWh', 'energy'), ('MWh', 'energy'), ('MW', 'power'), ('barrels', 'volume'), ('m3', 'volume'),
    ('vehicles', 'count'), ('wagons', 'count'), ('items', 'count')
ON CONFLICT DO NOTHING;
