-- The agent becomes the session authority (issue 9): every time in this table is the agent's
-- own clock, each session carries the hash of the secret its kiosk must present, and the agent
-- itself ends sessions whose kiosk went silent. SQLite cannot change a CHECK constraint, so the
-- table is rebuilt (foreign keys are not enforced on this database).
CREATE TABLE session_new (
    id                TEXT    PRIMARY KEY,
    kind              TEXT    NOT NULL CHECK (kind IN ('GUEST', 'MEMBER')),
    member_code       TEXT    CHECK ((kind = 'MEMBER') = (member_code IS NOT NULL)),
    age_band          TEXT    NOT NULL,
    sex               TEXT    NOT NULL,
    started_at        INTEGER NOT NULL,
    -- the time granted at start plus every extension
    allowed_ms        INTEGER NOT NULL CHECK (allowed_ms >= 0),
    last_heartbeat_at INTEGER,
    remaining_ms      INTEGER,
    ended_at          INTEGER,
    end_reason        TEXT    CHECK (end_reason IN ('LOGOUT', 'TIMEOUT', 'IDLE', 'STAFF', 'INTERRUPTED')),
    -- KIOSK: ended by the kiosk's session.end. AGENT: ended by the agent (heartbeats stopped,
    -- time ran out). RECOVERY: closed at start-up by agents before this version. NULL: open.
    closed_by         TEXT    CHECK (closed_by IN ('KIOSK', 'AGENT', 'RECOVERY')),
    -- 1 the visitor's programs were ended and the home reset, 0 a step failed, NULL not yet
    wipe_ok           INTEGER,
    -- SHA-256 (hex) of the secret session.start handed to the kiosk; NULL for old rows
    secret_hash       TEXT,
    CHECK ((ended_at IS NULL) = (closed_by IS NULL)),
    CHECK ((ended_at IS NULL) = (end_reason IS NULL))
);
INSERT INTO session_new (id, kind, member_code, age_band, sex, started_at, allowed_ms, last_heartbeat_at,
                         remaining_ms, ended_at, end_reason, closed_by, wipe_ok)
    SELECT id, kind, member_code, age_band, sex, started_at, allowed_ms, last_heartbeat_at,
           remaining_ms, ended_at, end_reason, closed_by, wipe_ok FROM session;
DROP TABLE session;
ALTER TABLE session_new RENAME TO session;
CREATE INDEX session_by_start ON session (started_at);
CREATE INDEX session_by_member ON session (member_code, started_at) WHERE member_code IS NOT NULL;
CREATE INDEX session_open ON session (started_at) WHERE closed_by IS NULL;
