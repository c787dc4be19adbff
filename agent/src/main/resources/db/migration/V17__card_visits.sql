-- The days each member card had a session on this PC (issue 14: distinct members per period), sent
-- to the collector in the card sync until it confirms them (bg.digiclub.agent.member.ClubCardReplica,
-- docs/privacy.md "Member cards"). A row is made when a member session starts. A card is its keyed
-- hash here; the plain code only while the club's key is not known yet (a card made on this PC before
-- its first sync), replaced by the hash when the key comes. Confirmed rows are kept a few days (so a
-- second session the same day sends nothing again), then deleted; rows never confirmed go after 400
-- days (a card the collector never took).
CREATE TABLE card_visit (
    id           INTEGER PRIMARY KEY,
    -- ISO date, the agent's time zone: the day the member session started
    day          TEXT    NOT NULL,
    -- 64 hex digits; NULL while the club's key is not known
    code_hash    TEXT,
    -- the code as typed, only while code_hash is NULL
    code         TEXT,
    -- epoch ms UTC when the collector confirmed it; NULL: still to send
    confirmed_at INTEGER,
    CHECK ((code IS NULL) <> (code_hash IS NULL))
);
CREATE UNIQUE INDEX card_visit_by_hash ON card_visit (code_hash, day) WHERE code_hash IS NOT NULL;
CREATE UNIQUE INDEX card_visit_by_code ON card_visit (code, day) WHERE code IS NOT NULL;
CREATE INDEX card_visit_by_day ON card_visit (day);
