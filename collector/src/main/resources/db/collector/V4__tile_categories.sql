-- Sessions that opened a launcher tile of each category (issue 11), per device and local day as
-- the devices sent them (usage.days[].tileCategories), and summed per club and day for the
-- dashboard and the export, in the same transaction. Counts only: no tile, program or address.
CREATE TABLE usage_tile_categories (
    device_id TEXT NOT NULL,
    day       INTEGER NOT NULL,
    category  TEXT NOT NULL,
    sessions  INTEGER NOT NULL,
    PRIMARY KEY (device_id, day, category)
);

CREATE TABLE club_tile_categories (
    club_id  TEXT NOT NULL,
    day      INTEGER NOT NULL,
    category TEXT NOT NULL,
    sessions INTEGER NOT NULL,
    PRIMARY KEY (club_id, day, category)
);
-- covering, for the export of every club's counts over a period
CREATE INDEX club_tile_categories_by_day ON club_tile_categories (day, club_id, category, sessions);
