-- Health samples. Sized for years on one PC: ~40 metrics every 30 s.
-- Metric names are stored once; each reading is (ts, metric_id, value) in a WITHOUT ROWID
-- table keyed by (ts, metric_id): no hidden rowid, no second index. Time first, because then
-- a sample is appended at the right edge of the tree: one commit writes ~3 pages instead of one
-- leaf per metric (~45; measured 5x faster), summarizing an hour and deleting old readings
-- are key ranges, and the newest sample is MAX(ts). The price: one metric's history scans all
-- metrics' rows of the period (7 days ~ 0.9 M rows; fine for a command).
-- ts is Unix seconds (4 bytes on disk). Values are REAL; SQLite writes whole-number REALs as
-- small integers, so byte counts and counters cost less.
CREATE TABLE metric (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

-- Raw readings, kept 7 days (Retention).
CREATE TABLE sample (
    ts        INTEGER NOT NULL,
    metric_id INTEGER NOT NULL,
    value     REAL    NOT NULL,
    PRIMARY KEY (ts, metric_id)
) WITHOUT ROWID;

-- One row per metric and completed hour (hour = Unix seconds of its start), kept 400 days.
CREATE TABLE sample_hourly (
    hour      INTEGER NOT NULL,
    metric_id INTEGER NOT NULL,
    min       REAL    NOT NULL,
    avg       REAL    NOT NULL,
    max       REAL    NOT NULL,
    count     INTEGER NOT NULL,
    PRIMARY KEY (hour, metric_id)
) WITHOUT ROWID;

-- The top processes of the newest sample only (replaced on every sample): for `agent status`.
CREATE TABLE latest_process (
    list           TEXT    NOT NULL CHECK (list IN ('cpu', 'memory')),
    rank           INTEGER NOT NULL,
    pid            INTEGER NOT NULL,
    name           TEXT    NOT NULL,
    cpu_pct        REAL    NOT NULL,
    resident_bytes INTEGER NOT NULL,
    PRIMARY KEY (list, rank)
) WITHOUT ROWID;

-- Progress markers of the store (Unix seconds):
--   hourly_rolled_until every hour before this has its hourly rows
--   raw_deleted_before  raw samples before this have been deleted
CREATE TABLE store_state (
    name  TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;
