-- The upload outbox: sealed batches waiting for the collector (bg.digiclub.agent.upload.Outbox).
-- Times are epoch milliseconds (UTC). A row is deleted only after the collector answered 2xx.
CREATE TABLE outbox (
    batch_id           TEXT    PRIMARY KEY,
    kind               TEXT    NOT NULL CHECK (kind IN ('USAGE', 'HEALTH')),
    sequence           INTEGER NOT NULL UNIQUE,
    created_at         INTEGER NOT NULL,
    payload            BLOB    NOT NULL,
    attempts           INTEGER NOT NULL DEFAULT 0,
    next_attempt_at    INTEGER NOT NULL,
    last_error         TEXT,
    quarantined_reason TEXT,
    quarantined_at     INTEGER,
    -- evictions this batch reports in its envelope: if it is evicted too, they are reported again
    carried_usage_evictions  INTEGER NOT NULL DEFAULT 0,
    carried_health_evictions INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX outbox_by_kind_age ON outbox (kind, created_at);

-- Batches evicted (age or size bound) and not yet reported in a sealed batch's envelope.
CREATE TABLE outbox_eviction (
    kind    TEXT    PRIMARY KEY CHECK (kind IN ('USAGE', 'HEALTH')),
    pending INTEGER NOT NULL
);

-- Single-row counters and flags of the upload: the last sequence number, the shared backoff.
CREATE TABLE upload_state (
    id                   INTEGER PRIMARY KEY CHECK (id = 1),
    last_sequence        INTEGER NOT NULL,
    consecutive_failures INTEGER NOT NULL,
    not_before           INTEGER NOT NULL,
    last_success_at      INTEGER,
    last_error           TEXT
);
INSERT INTO upload_state (id, last_sequence, consecutive_failures, not_before) VALUES (1, 0, 0, 0);

-- The device's enrolment with the collector. The token is a secret: never logged, never printed.
CREATE TABLE enrolment (
    id                 INTEGER PRIMARY KEY CHECK (id = 1),
    collector_url      TEXT    NOT NULL,
    device_id          TEXT    NOT NULL,
    club_id            TEXT    NOT NULL,
    token              TEXT    NOT NULL,
    enrolled_at        INTEGER NOT NULL,
    needs_reenrolment  INTEGER NOT NULL DEFAULT 0,
    reenrolment_reason TEXT
);
