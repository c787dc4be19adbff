package bg.digiclub.agent.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

/**
 * A year of one PC's samples written through {@link SampleStore#append} with
 * {@link Retention#run} every few simulated minutes, on a fake clock. The last
 * {@code fullRateDays} are sampled every {@code interval}; before that every
 * {@code earlyInterval} (a coarser interval keeps the run short and changes only the
 * hourly rows' {@code count} values, not their number or size). Run with {@code main} for
 * figures: {@code mvn -pl agent test-compile exec...} — see {@link #main}.
 */
final class YearSimulation {
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    /** What the simulation measured. */
    record Figures(Duration simulated, long samples, long fileBytes, long walBytes, long pageCount, long freePages,
                   long rawRows, long hourlyRows, long metrics, Duration elapsed) {
        double bytesPerDay() {
            return (double) fileBytes / simulated.toDays();
        }

        @Override
        public String toString() {
            return String.format("simulated %d days, %d samples appended, %d metrics%n"
                            + "file %.2f MB (%d pages, %d free), wal %d bytes%n"
                            + "raw rows %d, hourly rows %d%n"
                            + "%.0f bytes per simulated day (%.1f KB/day); took %.1f s",
                    simulated.toDays(), samples, metrics, fileBytes / 1e6, pageCount, freePages, walBytes,
                    rawRows, hourlyRows, bytesPerDay(), bytesPerDay() / 1e3, elapsed.toMillis() / 1e3);
        }
    }

    static Figures run(Path dir, int days, int fullRateDays, Duration interval, Duration earlyInterval,
                       Duration retentionEvery) throws SQLException, IOException {
        long started = System.nanoTime();
        MutableClock clock = new MutableClock(START);
        Path file = dir.resolve(Database.FILE_NAME);
        long samples = 0;
        try (Database db = Database.open(file)) {
            SampleStore store = new SampleStore(db, clock);
            Retention retention = new Retention(db, clock);
            Instant end = START.plus(Duration.ofDays(days));
            Instant fullRateFrom = end.minus(Duration.ofDays(fullRateDays));
            Instant nextRetention = START;
            Instant t = START;
            while (t.isBefore(end)) {
                clock.set(t);
                store.append(RealisticSamples.sample(t.getEpochSecond() / interval.getSeconds(), t));
                samples++;
                if (!t.isBefore(nextRetention)) {
                    retention.run();
                    nextRetention = t.plus(retentionEvery);
                }
                t = t.plus(t.isBefore(fullRateFrom) ? earlyInterval : interval);
            }
            clock.set(end);
            retention.run();
            db.read(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                }
                return null;
            });
            long pages = count(db, "PRAGMA page_count");
            long free = count(db, "PRAGMA freelist_count");
            long raw = count(db, "SELECT count(*) FROM sample");
            long hourly = count(db, "SELECT count(*) FROM sample_hourly");
            long metrics = count(db, "SELECT count(*) FROM metric");
            Path wal = file.resolveSibling(file.getFileName() + "-wal");
            return new Figures(Duration.ofDays(days), samples, Files.size(file),
                    Files.exists(wal) ? Files.size(wal) : 0, pages, free, raw, hourly, metrics,
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private static long count(Database db, String sql) throws SQLException {
        return db.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        });
    }

    /**
     * Prints the figures of a simulated year. Arguments (all optional): data directory (default
     * a new temporary one), days (365), days at full rate (8), interval seconds (30), early
     * interval seconds (30 — the honest, slow run; 300 for a quick one).
     */
    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("digiclub-year");
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 365;
        int fullRate = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        Duration interval = Duration.ofSeconds(args.length > 3 ? Long.parseLong(args[3]) : 30);
        Duration early = Duration.ofSeconds(args.length > 4 ? Long.parseLong(args[4]) : interval.getSeconds());
        System.out.println("writing into " + dir);
        System.out.println(run(dir, days, fullRate, interval, early, Duration.ofMinutes(10)));
    }
}
