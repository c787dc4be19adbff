-- Alert events: a check (or the PC, check 'overall') in a non-OK status from started_at until
-- ended_at (NULL while it lasts). Times are Unix milliseconds. Kept 400 days after they end.
CREATE TABLE alert_event (
    id         INTEGER PRIMARY KEY,
    check_name TEXT    NOT NULL,
    status     TEXT    NOT NULL CHECK (status IN ('UNKNOWN', 'WARN', 'CRIT')),
    started_at INTEGER NOT NULL,
    ended_at   INTEGER CHECK (ended_at IS NULL OR ended_at >= started_at),
    detail     TEXT    NOT NULL
);

-- At most one open event per check.
CREATE UNIQUE INDEX alert_event_open ON alert_event (check_name) WHERE ended_at IS NULL;

CREATE INDEX alert_event_started ON alert_event (started_at);
