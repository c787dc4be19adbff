-- The launcher tile categories each session opened (issue 11): one row per session and category,
-- however many tiles of it the visitor opened, so that a day's usage batch can count the sessions
-- that used e.g. a learning tile. Only the category is kept: never which tile, program or address.
-- Written for a running session's app.launch only (maintenance launches are not visitors' use).
CREATE TABLE session_tile_category (
    session_id TEXT NOT NULL REFERENCES session (id),
    category   TEXT NOT NULL CHECK (category IN ('E_GOVERNMENT', 'HEALTH', 'PAYMENTS', 'FAMILY', 'LEARNING',
                                                 'WRITING', 'BROWSING')),
    PRIMARY KEY (session_id, category)
);
