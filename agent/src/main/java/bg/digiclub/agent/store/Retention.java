package bg.digiclub.agent.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Objects;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.support.sql.Rows;

/**
 * Keeps the store small: summarizes each completed hour of raw readings into hourly
 * min/avg/max/count rows, deletes raw readings, hourly rows and ended alert events older than
 * the {@link RetentionPolicy}, and returns freed space to the file system.
 *
 * <p>Meant to be called every few minutes. Each step is its own transaction and moves a marker
 * in the same transaction ({@code store_state}), so a run can be interrupted anywhere (even by
 * {@code kill -9}) and the next run carries on; a run with nothing to do does nothing. Raw
 * readings are deleted only once their hour has been summarized, so nothing is lost when the
 * agent was off for a while or summarizing is behind.
 *
 * <p>Freed pages are handed back to the file system ({@code PRAGMA incremental_vacuum}) only
 * when more than {@value #VACUUM_FREE_SHARE_PERCENT} % of the file is free: in steady state each
 * run frees a few pages of old readings that the next samples reuse, and moving those back and
 * forth would only cost writes. The file cannot grow without bound either way.
 */
public final class Retention {
    static final int VACUUM_FREE_SHARE_PERCENT = 10;
    private static final long HOUR = 3600;
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    private final Database db;
    private final Clock clock;
    private final RetentionPolicy policy;

    public Retention(Database db, Clock clock) {
        this(db, clock, RetentionPolicy.DEFAULT);
    }

    public Retention(Database db, Clock clock, RetentionPolicy policy) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** What one run did. */
    public record Result(
            int hoursSummarized,
            long rawRowsDeleted,
            long hourlyRowsDeleted,
            long alertEventsDeleted,
            long pagesFreed) {
        public boolean didNothing() {
            return hoursSummarized == 0
                    && rawRowsDeleted == 0
                    && hourlyRowsDeleted == 0
                    && alertEventsDeleted == 0
                    && pagesFreed == 0;
        }
    }

    /** Runs every step once (see the class comment). */
    public Result run() throws SQLException {
        long now = clock.instant().getEpochSecond();
        int hours = summarizeCompletedHours(now);
        long raw = deleteOldRaw(now);
        long hourly = deleteOldHourly(now);
        long alerts = deleteOldAlerts(now);
        long freed = returnFreePages();
        Result result = new Result(hours, raw, hourly, alerts, freed);
        if (!result.didNothing()) {
            LOG.debug("retention: {}", result);
        }
        return result;
    }

    private int summarizeCompletedHours(long now) throws SQLException {
        long currentHour = StoreState.hourOf(now);
        int done = 0;
        while (true) {
            // One hour per transaction: short transactions, and progress survives a crash.
            boolean summarized = db.write(c -> {
                OptionalLong marker = StoreState.get(c, StoreState.HOURLY_ROLLED_UNTIL);
                OptionalLong next = oldestRawAtOrAfter(c, marker.orElse(Long.MIN_VALUE));
                if (next.isEmpty() || StoreState.hourOf(next.getAsLong()) >= currentHour) {
                    return false;
                }
                long hour = StoreState.hourOf(next.getAsLong());
                try (PreparedStatement ps =
                        c.prepareStatement("INSERT OR REPLACE INTO sample_hourly(metric_id, hour, min, avg, max, count)"
                                + " SELECT metric_id, ?1, MIN(value), AVG(value), MAX(value), COUNT(*)"
                                + " FROM sample WHERE ts >= ?1 AND ts < ?2 GROUP BY metric_id")) {
                    ps.setLong(1, hour);
                    ps.setLong(2, hour + HOUR);
                    ps.executeUpdate();
                }
                StoreState.set(c, StoreState.HOURLY_ROLLED_UNTIL, hour + HOUR);
                return true;
            });
            if (!summarized) {
                return done;
            }
            done++;
        }
    }

    /** The oldest raw reading's ts at or after {@code from}; one lookup in the primary key. */
    private static OptionalLong oldestRawAtOrAfter(Connection c, long from) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MIN(ts) FROM sample WHERE ts >= ?")) {
            ps.setLong(1, from);
            try (ResultSet rs = ps.executeQuery()) {
                return Rows.optionalLong(rs, 1);
            }
        }
    }

    private long deleteOldRaw(long now) throws SQLException {
        long keepFrom = StoreState.hourOf(now - policy.raw().getSeconds());
        return db.write(c -> {
            OptionalLong summarizedUntil = StoreState.get(c, StoreState.HOURLY_ROLLED_UNTIL);
            if (summarizedUntil.isEmpty()) {
                return 0L;
            }
            long cutoff = Math.min(keepFrom, summarizedUntil.getAsLong());
            long deleted = deleteBefore(c, "DELETE FROM sample WHERE ts < ?", cutoff);
            if (StoreState.get(c, StoreState.RAW_DELETED_BEFORE).orElse(Long.MIN_VALUE) < cutoff) {
                StoreState.set(c, StoreState.RAW_DELETED_BEFORE, cutoff);
            }
            return deleted;
        });
    }

    private long deleteOldHourly(long now) throws SQLException {
        long cutoff = StoreState.hourOf(now - policy.hourly().getSeconds());
        return db.write(c -> deleteBefore(c, "DELETE FROM sample_hourly WHERE hour < ?", cutoff));
    }

    /** Runs {@code delete} with {@code cutoff}: a range at the start of the primary key. */
    private static long deleteBefore(Connection c, String delete, long cutoff) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(delete)) {
            ps.setLong(1, cutoff);
            return ps.executeUpdate();
        }
    }

    private long deleteOldAlerts(long now) throws SQLException {
        long cutoffMillis = (now - policy.alerts().getSeconds()) * 1000;
        return db.write(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("DELETE FROM alert_event WHERE started_at < ?1 AND ended_at < ?1")) {
                ps.setLong(1, cutoffMillis);
                return (long) ps.executeUpdate();
            }
        });
    }

    private long returnFreePages() throws SQLException {
        return db.autoCommit(c -> {
            long free = pragma(c, "freelist_count");
            long total = pragma(c, "page_count");
            if (free == 0 || free * 100 <= total * VACUUM_FREE_SHARE_PERCENT) {
                return 0L;
            }
            // Keep a reserve of half the threshold (of the pages in use) for the next samples, so
            // the next run is below the threshold again; give back the rest.
            long keep = (total - free) * VACUUM_FREE_SHARE_PERCENT / 200;
            try (Statement st = c.createStatement()) {
                // The pragma frees one page per step; the driver's execute() steps once,
                // executeUpdate() runs it to the end.
                st.executeUpdate("PRAGMA incremental_vacuum(" + (free - keep) + ")");
                // The file shrinks when the WAL is copied back; do it now rather than at the
                // next automatic checkpoint. PASSIVE never waits for a reader.
                st.execute("PRAGMA wal_checkpoint(PASSIVE)");
            }
            return free - pragma(c, "freelist_count");
        });
    }

    private static long pragma(Connection c, String name) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
