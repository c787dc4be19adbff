-- Distinct members per period (issue 14, bg.digiclub.collector.report.programme.MemberFigures,
-- docs/privacy.md "Member cards"): the days each club card had a member session on one of the
-- club's PCs, as the PCs report them in their card sync. A pseudonymous attendance log: a card's
-- row id and a day, no hash, no code, no PC, no time of day. Kept report.card-visits-days (default
-- 1,900 days, about five years: the programme's sustainability period), pruned at the club's syncs.

-- A card's row id, which never changes: the club's version number that made the card (versions
-- are unique in a club and only ever grow, so a number once a card's is never another's). Cards
-- made before this migration take their current version, unique in the club as well. Every new
-- card row is written with it (bg.digiclub.collector.cards.ClubCards); SQLite cannot add a NOT NULL
-- column to a filled table, the unique index keeps it one per card.
ALTER TABLE club_cards ADD COLUMN card_id BIGINT;
UPDATE club_cards SET card_id = version;
CREATE UNIQUE INDEX club_cards_by_card_id ON club_cards (club_id, card_id);

-- One row per card and club day (epoch day, the club's time zone) with a member session: a set,
-- so a card used on two PCs, or twice, or a sync retried, is one row.
CREATE TABLE card_visits (
    club_id TEXT    NOT NULL REFERENCES clubs (id),
    card_id BIGINT  NOT NULL,
    day     INTEGER NOT NULL,
    PRIMARY KEY (club_id, card_id, day)
);
-- the report's question: the distinct cards of a club in a day range
CREATE INDEX card_visits_by_day ON card_visits (club_id, day, card_id);
