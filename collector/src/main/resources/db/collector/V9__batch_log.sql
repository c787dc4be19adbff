-- The audit trail of stored batches (bg.digiclub.collector.audit, docs/collector.md "Audit: the batch
-- log and the export"): one line per stored batch, appended in the batch's own transaction, each line
-- holding the SHA-256 of the figures the batch stored (its figures_hash) and chained to the line before
-- (hash = SHA-256 of prev_hash and the line's fields). seq 1 is the genesis: it vouches for every raw
-- row stored before the chain began, as one block. received_at is epoch milliseconds, as in batches.
-- UPDATE and DELETE on batch_log are refused by triggers; they are not in this file because the two
-- databases' trigger languages differ and this SQL runs on both: BatchLog creates them at every start.
CREATE TABLE batch_log (
    seq          BIGINT PRIMARY KEY,
    batch_id     TEXT UNIQUE,
    device_id    TEXT,
    kind         TEXT NOT NULL,
    received_at  BIGINT NOT NULL,
    figures_hash TEXT NOT NULL,
    prev_hash    TEXT NOT NULL,
    hash         TEXT NOT NULL
);

-- The chain's head: one row, locked FOR UPDATE by every append on PostgreSQL so that two collectors
-- over one database keep one chain (SQLite has one writer anyway). seq 0 until the genesis is written.
CREATE TABLE batch_log_head (
    id   INTEGER PRIMARY KEY,
    seq  BIGINT NOT NULL,
    hash TEXT NOT NULL,
    CHECK (id = 1)
);
INSERT INTO batch_log_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Every raw row keeps the batch that stored it (NULL for rows stored before V9), as usage_hours and
-- usage_days always did, so that a batch's figures are read back by one index each: health_* inserts
-- skip a slot stored before, so only the row knows which batch stored it.
ALTER TABLE health_snapshots ADD COLUMN batch_id TEXT;
ALTER TABLE health_days ADD COLUMN batch_id TEXT;
ALTER TABLE usage_demographics ADD COLUMN batch_id TEXT;
ALTER TABLE usage_tile_categories ADD COLUMN batch_id TEXT;

-- A batch's figures are read back by its id: in its own transaction (to hash them) and by verify.
CREATE INDEX usage_hours_by_batch ON usage_hours (batch_id);
CREATE INDEX usage_days_by_batch ON usage_days (batch_id);
CREATE INDEX health_snapshots_by_batch ON health_snapshots (batch_id);
CREATE INDEX health_days_by_batch ON health_days (batch_id);
CREATE INDEX usage_demographics_by_batch ON usage_demographics (batch_id);
CREATE INDEX usage_tile_categories_by_batch ON usage_tile_categories (batch_id);
