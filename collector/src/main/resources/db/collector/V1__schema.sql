-- DigiClub collector schema, version 1. The same SQL runs on SQLite and PostgreSQL:
-- instants are epoch seconds (BIGINT), local days are epoch days (INTEGER), booleans 0/1.

CREATE TABLE clubs (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    place       TEXT NOT NULL,
    time_zone   TEXT NOT NULL,
    created_at  BIGINT NOT NULL
);

-- only the SHA-256 of a code is kept; staff see the code once when it is created
CREATE TABLE enrolment_codes (
    code_hash   TEXT PRIMARY KEY,
    club_id     TEXT NOT NULL REFERENCES clubs (id),
    expires_at  BIGINT NOT NULL,
    uses_left   INTEGER NOT NULL,
    revoked     INTEGER NOT NULL DEFAULT 0,
    created_at  BIGINT NOT NULL
);

CREATE TABLE devices (
    id               TEXT PRIMARY KEY,
    club_id          TEXT NOT NULL REFERENCES clubs (id),
    number           INTEGER NOT NULL,
    token_hash       TEXT NOT NULL UNIQUE,
    revoked          INTEGER NOT NULL DEFAULT 0,
    agent_version    TEXT NOT NULL,
    enrolled_at      BIGINT NOT NULL,
    last_seen_at     BIGINT,
    last_sequence    BIGINT NOT NULL DEFAULT 0,
    batches_received BIGINT NOT NULL DEFAULT 0,
    evicted_usage    BIGINT NOT NULL DEFAULT 0,
    evicted_health   BIGINT NOT NULL DEFAULT 0,
    health_at        BIGINT,
    health_overall   TEXT,
    health_checks    TEXT,
    UNIQUE (club_id, number)
);

-- one row per batch ever stored: the idempotency record and the stored answer
CREATE TABLE batches (
    batch_id     TEXT PRIMARY KEY,
    device_id    TEXT NOT NULL REFERENCES devices (id),
    kind         TEXT NOT NULL,
    sequence     BIGINT NOT NULL,
    period_from  BIGINT NOT NULL,
    period_to    BIGINT NOT NULL,
    payload_hash TEXT NOT NULL,
    received_at  BIGINT NOT NULL
);
CREATE INDEX batches_by_device ON batches (device_id, sequence);

-- the raw aggregates as the devices sent them
CREATE TABLE usage_hours (
    device_id          TEXT NOT NULL,
    hour               BIGINT NOT NULL,
    sessions           INTEGER NOT NULL,
    guest_sessions     INTEGER NOT NULL,
    member_sessions    INTEGER NOT NULL,
    session_minutes    INTEGER NOT NULL,
    powered_on_minutes INTEGER NOT NULL,
    batch_id           TEXT NOT NULL,
    PRIMARY KEY (device_id, hour)
);

CREATE TABLE usage_days (
    device_id        TEXT NOT NULL,
    day              INTEGER NOT NULL,
    sessions         INTEGER NOT NULL,
    distinct_members INTEGER NOT NULL,
    batch_id         TEXT NOT NULL,
    PRIMARY KEY (device_id, day)
);

CREATE TABLE usage_demographics (
    device_id TEXT NOT NULL,
    day       INTEGER NOT NULL,
    age_band  TEXT NOT NULL,
    sex       TEXT NOT NULL,
    sessions  INTEGER NOT NULL,
    PRIMARY KEY (device_id, day, age_band, sex)
);

CREATE TABLE health_snapshots (
    device_id TEXT NOT NULL,
    at        BIGINT NOT NULL,
    overall   TEXT NOT NULL,
    checks    TEXT NOT NULL,
    PRIMARY KEY (device_id, at)
);

CREATE TABLE health_days (
    device_id             TEXT NOT NULL,
    day                   INTEGER NOT NULL,
    worst                 TEXT NOT NULL,
    min_free_disk_percent DOUBLE PRECISION,
    max_cpu_celsius       DOUBLE PRECISION,
    alert_count           INTEGER NOT NULL,
    uptime_minutes        INTEGER NOT NULL,
    PRIMARY KEY (device_id, day)
);

-- pre-aggregated for the dashboard, kept in the same transaction as the raw rows;
-- days here are local days of the club's time zone
CREATE TABLE club_days (
    club_id            TEXT NOT NULL,
    day                INTEGER NOT NULL,
    sessions           INTEGER NOT NULL,
    guest_sessions     INTEGER NOT NULL,
    member_sessions    INTEGER NOT NULL,
    session_minutes    INTEGER NOT NULL,
    powered_on_minutes INTEGER NOT NULL,
    member_days        INTEGER NOT NULL,
    PRIMARY KEY (club_id, day)
);
-- covering, so that the overview's range over all clubs reads the index only
CREATE INDEX club_days_by_day ON club_days (day, club_id, sessions, guest_sessions, member_sessions,
    session_minutes, powered_on_minutes, member_days);

-- the same sums per calendar month (month = year * 12 + month - 1), so that a year of 800 clubs
-- is 9,600 rows, not 292,000
CREATE TABLE club_months (
    club_id            TEXT NOT NULL,
    month              INTEGER NOT NULL,
    sessions           INTEGER NOT NULL,
    guest_sessions     INTEGER NOT NULL,
    member_sessions    INTEGER NOT NULL,
    session_minutes    INTEGER NOT NULL,
    powered_on_minutes INTEGER NOT NULL,
    member_days        INTEGER NOT NULL,
    PRIMARY KEY (club_id, month)
);
CREATE INDEX club_months_by_month ON club_months (month, club_id, sessions, guest_sessions, member_sessions,
    session_minutes, powered_on_minutes, member_days);

CREATE TABLE club_hours (
    club_id         TEXT NOT NULL,
    day             INTEGER NOT NULL,
    hour_of_day     INTEGER NOT NULL,
    sessions        INTEGER NOT NULL,
    session_minutes INTEGER NOT NULL,
    PRIMARY KEY (club_id, day, hour_of_day)
);

CREATE TABLE club_demographics (
    club_id  TEXT NOT NULL,
    day      INTEGER NOT NULL,
    age_band TEXT NOT NULL,
    sex      TEXT NOT NULL,
    sessions INTEGER NOT NULL,
    PRIMARY KEY (club_id, day, age_band, sex)
);
-- covering, for the export of every club's table over a period
CREATE INDEX club_demographics_by_day ON club_demographics (day, club_id, age_band, sex, sessions);

CREATE TABLE device_days (
    device_id          TEXT NOT NULL,
    day                INTEGER NOT NULL,
    club_id            TEXT NOT NULL,
    sessions           INTEGER NOT NULL,
    session_minutes    INTEGER NOT NULL,
    powered_on_minutes INTEGER NOT NULL,
    PRIMARY KEY (device_id, day)
);
CREATE INDEX device_days_by_club ON device_days (club_id, day, device_id);

CREATE TABLE users (
    username      TEXT PRIMARY KEY,
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL,
    club_id       TEXT REFERENCES clubs (id),
    created_at    BIGINT NOT NULL
);
