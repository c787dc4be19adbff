-- The mentor's console (docs/live.md). Same SQL on SQLite and PostgreSQL: instants are epoch
-- seconds (BIGINT) except where a column says millis, booleans 0/1. Everything the live channel
-- knows is here, so that several collector instances over one PostgreSQL serve one fleet.

-- every running collector instance, seen_at renewed every few seconds: a PC whose connection is
-- held by an instance not seen for 30 s is shown off
CREATE TABLE collector_instances (
    id          TEXT PRIMARY KEY,
    started_at  BIGINT NOT NULL,
    seen_at     BIGINT NOT NULL
);

-- each PC's last live state, and which instance holds its connection (null: none)
CREATE TABLE live_states (
    device_id       TEXT PRIMARY KEY REFERENCES devices (id),
    instance_id     TEXT,
    connection_id   TEXT,
    connected_at    BIGINT,
    mode            TEXT,
    visitor         TEXT,
    minutes_left    INTEGER,
    session_started BIGINT,
    health          TEXT,
    help_called_at  BIGINT,
    reserved_for    INTEGER,
    agent_version   TEXT,
    state_at        BIGINT
);
CREATE INDEX live_states_by_instance ON live_states (instance_id);

-- staff commands, the source of truth of their delivery:
-- PENDING -> SENT -> DONE / REFUSED / FAILED, or EXPIRED.
-- seq orders a PC's commands as they were issued (a lock, then an unlock, in the same second)
CREATE TABLE live_commands (
    id              TEXT PRIMARY KEY,
    club_id         TEXT NOT NULL REFERENCES clubs (id),
    device_id       TEXT NOT NULL REFERENCES devices (id),
    seq             BIGINT NOT NULL,
    kind            TEXT NOT NULL,
    minutes         INTEGER,
    text            TEXT,
    session_started BIGINT,
    target          TEXT,
    issued_by       TEXT NOT NULL,
    issued_at       BIGINT NOT NULL,
    expires_at      BIGINT NOT NULL,
    state           TEXT NOT NULL,
    sent_at         BIGINT,
    answered_at     BIGINT,
    detail          TEXT,
    UNIQUE (device_id, seq)
);
CREATE INDEX live_commands_by_club ON live_commands (club_id, issued_at);
CREATE INDEX live_commands_open ON live_commands (state, device_id);

-- who did what, per club; seq orders a club's entries (unique per club)
CREATE TABLE live_audit (
    club_id     TEXT NOT NULL REFERENCES clubs (id),
    seq         BIGINT NOT NULL,
    at          BIGINT NOT NULL,
    who         TEXT NOT NULL,
    action      TEXT NOT NULL,
    pc_number   INTEGER,
    command_id  TEXT,
    PRIMARY KEY (club_id, seq)
);

-- the club's settings for its PCs, as JSON of common.live.ClubSettings
CREATE TABLE club_settings (
    club_id     TEXT PRIMARY KEY REFERENCES clubs (id),
    version     BIGINT NOT NULL,
    settings    TEXT NOT NULL,
    changed_at  BIGINT NOT NULL,
    changed_by  TEXT NOT NULL
);

-- the walk-up queue: numbers per club day (the club's local epoch day) from 1, no names.
-- state WAITING (ordered by position), HELD (a PC is held for it until held_until), SERVED,
-- REMOVED (taken off by staff), NO_SHOW (its hold ran out a second time)
CREATE TABLE live_queue (
    club_id      TEXT NOT NULL REFERENCES clubs (id),
    club_day     INTEGER NOT NULL,
    number       INTEGER NOT NULL,
    state        TEXT NOT NULL,
    position     BIGINT NOT NULL,
    returned     INTEGER NOT NULL DEFAULT 0,
    held_device  TEXT,
    held_until   BIGINT,
    queued_at    BIGINT NOT NULL,
    PRIMARY KEY (club_id, club_day, number)
);
CREATE INDEX live_queue_by_state ON live_queue (state, club_id);
