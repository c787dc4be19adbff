-- The PC in its club room (issue 13): what staff and the club told this PC, kept across restarts.
-- One row: staff's lock (a locked PC stays out of service after a restart or a power cut), the
-- club's last Room (settings and queue, as the live channel's JSON; the PC keeps the club's
-- opening hours while offline), and the grace taken by the open session (once per session, not
-- once per agent process).
CREATE TABLE room_state (
    id                  INTEGER PRIMARY KEY CHECK (id = 1),
    locked              INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
    room_json           TEXT,
    -- the session that took its own grace block; NULL: none of the open session
    grace_session       TEXT,
    -- minutes staff allowed beyond the visitor's own grace, for grace_session's session (ALLOW_GRACE)
    staff_grace_session TEXT,
    staff_grace_minutes INTEGER NOT NULL DEFAULT 0 CHECK (staff_grace_minutes >= 0)
);
INSERT INTO room_state (id) VALUES (1);

-- Staff messages (the MESSAGE command) the visitor has not acknowledged yet; deleted on "OK".
CREATE TABLE room_message (
    id          TEXT    PRIMARY KEY,
    text        TEXT    NOT NULL,
    received_at INTEGER NOT NULL
);
