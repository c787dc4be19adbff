-- The live channel's command journal (bg.digiclub.agent.live.CommandJournal): every command id
-- the collector sent, recorded durably BEFORE the agent acts on it, with the answer once it has
-- one. An id found here is never acted on again: a repeat gets the stored answer. A row without
-- an answer after a restart was interrupted: it is answered FAILED and never run. Only ids, kinds
-- and answers: a message's text is not kept. Rows go 7 days after the command's expiry.
CREATE TABLE live_commands (
    command_id  TEXT    PRIMARY KEY,
    kind        TEXT    NOT NULL,
    received_at INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    outcome     TEXT,
    detail      TEXT,
    answered_at INTEGER,
    CHECK ((outcome IS NULL) = (detail IS NULL) AND (outcome IS NULL) = (answered_at IS NULL))
);
CREATE INDEX live_commands_expiry ON live_commands (expires_at);
