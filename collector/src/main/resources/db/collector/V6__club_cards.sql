-- Club-wide member cards (bg.digiclub.collector.cards, docs/privacy.md "Member cards"). Kept apart
-- from the statistics: no report reads these tables and nothing joins them with usage_* or health_*.
-- No names and no card codes: a card is the keyed hash of its code and the slow hash of its PIN.
-- changed_at is epoch milliseconds (the last change wins, to the millisecond); day is an epoch day.

-- One key per club (32 random bytes, base64): the PCs of the club hash card codes with it
-- (HMAC-SHA256). last_version numbers the club's accepted card changes; every change takes the next
-- one under this row's lock, so versions become visible in the order they were given.
CREATE TABLE club_card_keys (
    club_id      TEXT PRIMARY KEY REFERENCES clubs (id),
    card_key     TEXT NOT NULL,
    last_version BIGINT NOT NULL DEFAULT 0,
    created_at   BIGINT NOT NULL
);

CREATE TABLE club_cards (
    club_id    TEXT NOT NULL REFERENCES clubs (id),
    code_hash  TEXT NOT NULL,
    pin_hash   TEXT NOT NULL,
    -- both NULL until the member declared them once
    age_band   TEXT,
    sex        TEXT,
    disabled   INTEGER NOT NULL DEFAULT 0,
    version    BIGINT NOT NULL,
    changed_at BIGINT NOT NULL,
    -- the device whose change this is; NULL for a change made on the club's cards page
    changed_by TEXT,
    PRIMARY KEY (club_id, code_hash),
    CHECK ((age_band IS NULL) = (sex IS NULL))
);
CREATE INDEX club_cards_by_version ON club_cards (club_id, version);

-- Today's session minutes per card and PC, as each PC last reported them; rows older than
-- yesterday (the club's day) are deleted at the next sync of the club. Only the daily allowance
-- reads them.
CREATE TABLE club_card_minutes (
    club_id   TEXT NOT NULL REFERENCES clubs (id),
    day       INTEGER NOT NULL,
    code_hash TEXT NOT NULL,
    device_id TEXT NOT NULL,
    minutes   INTEGER NOT NULL,
    PRIMARY KEY (club_id, day, code_hash, device_id)
);
