-- The session ledger (bg.digiclub.agent.session.SessionLedger). Times are epoch milliseconds UTC.
-- kind, member_code, age_band, sex, started_at, ended_at and end_reason are what the usage
-- statistics aggregate; member_code never leaves the PC.
CREATE TABLE session (
    id                TEXT    PRIMARY KEY,
    kind              TEXT    NOT NULL CHECK (kind IN ('GUEST', 'MEMBER')),
    member_code       TEXT    CHECK ((kind = 'MEMBER') = (member_code IS NOT NULL)),
    age_band          TEXT    NOT NULL,
    sex               TEXT    NOT NULL,
    started_at        INTEGER NOT NULL,
    allowed_ms        INTEGER NOT NULL CHECK (allowed_ms >= 0),
    last_heartbeat_at INTEGER,
    remaining_ms      INTEGER,
    ended_at          INTEGER,
    end_reason        TEXT    CHECK (end_reason IN ('LOGOUT', 'TIMEOUT', 'IDLE', 'STAFF', 'INTERRUPTED')),
    -- KIOSK: the kiosk reported the end (final). RECOVERY: the agent closed it at start-up,
    -- provisional until the kiosk reports the end and the wipe. NULL: still open.
    closed_by         TEXT    CHECK (closed_by IN ('KIOSK', 'RECOVERY')),
    -- 1 every wipe step succeeded, 0 one failed, NULL not reported (yet)
    wipe_ok           INTEGER,
    CHECK ((ended_at IS NULL) = (closed_by IS NULL)),
    CHECK ((ended_at IS NULL) = (end_reason IS NULL))
);
CREATE INDEX session_by_start ON session (started_at);
CREATE INDEX session_by_member ON session (member_code, started_at) WHERE member_code IS NOT NULL;
CREATE INDEX session_unfinished ON session (closed_by) WHERE closed_by IS NULL OR closed_by = 'RECOVERY';

-- Each privacy-wipe step of a session, in the order the kiosk ran them.
CREATE TABLE session_wipe_step (
    session_id TEXT    NOT NULL REFERENCES session (id),
    position   INTEGER NOT NULL,
    step       TEXT    NOT NULL,
    ok         INTEGER NOT NULL CHECK (ok IN (0, 1)),
    detail     TEXT    NOT NULL,
    PRIMARY KEY (session_id, position)
);
