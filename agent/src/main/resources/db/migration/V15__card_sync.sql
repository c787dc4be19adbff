-- The club side of this PC's cards (bg.digiclub.agent.member.ClubCardReplica): the club's card key
-- and the sync cursor (one row, once the collector answered), and the club's minutes today per card
-- on its other PCs, as of the last sync (for the daily allowance; each sync replaces them all). No codes: cards are their keyed hash here.
CREATE TABLE card_sync (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    club_key  TEXT    NOT NULL,
    cursor    INTEGER NOT NULL CHECK (cursor >= 0),
    synced_at INTEGER NOT NULL
);

CREATE TABLE club_card_minutes (
    code_hash TEXT    NOT NULL,
    -- ISO date, the agent's time zone
    day       TEXT    NOT NULL,
    minutes   INTEGER NOT NULL CHECK (minutes >= 0),
    PRIMARY KEY (code_hash, day)
);
