-- Member cards of this PC (bg.digiclub.agent.member.SqliteMemberStore). No names: a card is a
-- random code, a slow salted PIN hash, optional demographics declared once, and its state.
-- Times are epoch milliseconds UTC.
CREATE TABLE member_card (
    code            TEXT    PRIMARY KEY,
    pin_hash        TEXT    NOT NULL,
    -- both NULL until the member has been asked once; NOT_DECLARED is an answer
    age_band        TEXT,
    sex             TEXT,
    disabled        INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until    INTEGER,
    created_at      INTEGER NOT NULL,
    CHECK ((age_band IS NULL) = (sex IS NULL))
);

-- The staff PIN of this PC: one row at most, with its own lockout.
CREATE TABLE staff_pin (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    pin_hash        TEXT    NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until    INTEGER,
    set_at          INTEGER NOT NULL
);
