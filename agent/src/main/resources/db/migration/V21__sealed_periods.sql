-- Periods already sealed into a batch (bg.digiclub.agent.usage), written in the same
-- transaction as the outbox row: each period is sealed exactly once.
CREATE TABLE sealed_period (
    kind         TEXT    NOT NULL,
    period_start INTEGER NOT NULL,
    batch_id     TEXT    NOT NULL,
    PRIMARY KEY (kind, period_start)
);
