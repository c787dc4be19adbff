-- Member cards become the club's (issue 13): this PC's table is its offline replica of the club's
-- cards, synced through the collector (bg.digiclub.agent.member.CardSync, docs/privacy.md). A card
-- is known by the keyed hash of its code (HMAC-SHA256 under the club's card key, from the
-- collector); the plain code only on the PC that made the card (and for cards made before this
-- version). Existing cards are kept: they get their hash when the club's key is known, and are
-- then sent to the collector. Lockouts stay this PC's own. SQLite cannot change a primary key, so
-- the table is rebuilt (foreign keys are not enforced on this database). Times: epoch ms UTC.
CREATE TABLE member_card_new (
    id              INTEGER PRIMARY KEY,
    -- the code as typed, only where this PC made the card; NULL for the club's cards from elsewhere
    code            TEXT    UNIQUE,
    -- 64 hex digits; NULL until the club's key is known
    code_hash       TEXT    UNIQUE,
    pin_hash        TEXT    NOT NULL,
    -- both NULL until the member has been asked once; NOT_DECLARED is an answer
    age_band        TEXT,
    sex             TEXT,
    disabled        INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until    INTEGER,
    created_at      INTEGER NOT NULL,
    -- the card's last change (this PC's or the club's): the later change wins
    changed_at      INTEGER NOT NULL,
    -- the collector's version of the card; 0 until the collector has it
    version         INTEGER NOT NULL DEFAULT 0,
    -- 1: a change of this PC the collector has not confirmed yet
    unsynced        INTEGER NOT NULL DEFAULT 1 CHECK (unsynced IN (0, 1)),
    CHECK (code IS NOT NULL OR code_hash IS NOT NULL),
    CHECK ((age_band IS NULL) = (sex IS NULL))
);
INSERT INTO member_card_new (code, pin_hash, age_band, sex, disabled, failed_attempts, locked_until, created_at,
                             changed_at, version, unsynced)
    SELECT code, pin_hash, age_band, sex, disabled, failed_attempts, locked_until, created_at,
           created_at, 0, 1 FROM member_card;
DROP TABLE member_card;
ALTER TABLE member_card_new RENAME TO member_card;
CREATE INDEX member_card_unsynced ON member_card (unsynced) WHERE unsynced = 1;
