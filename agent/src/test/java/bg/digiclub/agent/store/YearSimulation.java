package bg.digiclub.agent.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

import bg.digiclub.testsupport.TestClock;

/**
 * A year of one PC's samples written through {@link SampleStore#append} with
 * {@link Retention#run} every 10 simulated minutes, on a fake clock: real raw rows, real
 * summarizing, real deletes. The last {@code fullRate} period is sampled every
 * {@code interval} (30 s); before that every {@code earlyInterval}. Only raw readings of the
 * last 7 days survive, so a coarser early interval changes nothing in the final file but the
 * hourly rows' {@code count} values (still one byte each) and makes the run much shorter.
 * {@link #main} prints the figures (see README of the store in the report / docs/benchmarks.md).
 */
final class YearSimulation {
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    /** What the simulation measured. */
    record Figures(
            Duration simulated,
            long samples,
            long fileBytes,
            long walBytes,
            long pageCount,
            long freePages,
            long rawRows,
            long rawBytes,
            long hourlyRows,
            long hourlyBytes,
            long metrics,
            Duration elapsed) {
        double bytesPerDay() {
            return (double) fileBytes / simulated.toDays();
        }

        @Override
        public String toString() {
            double rawPerRow = (double) rawBytes / rawRows;
            double hourlyPerRow = (double) hourlyBytes / hourlyRows;
            return String.format(
                    "simulated %d days, %d samples appended, %d metrics%n"
                            + "file %.2f MB (%d pages, %d free), wal %d bytes; %.0f bytes per simulated day%n"
                            + "raw:    %d rows, %.2f MB, %.1f bytes/row = %.0f bytes/sample, %.2f MB per day at 30 s%n"
                            + "hourly: %d rows, %.2f MB, %.1f bytes/row = %.1f KB per day%n"
                            + "took %.1f s",
                    simulated.toDays(),
                    samples,
                    metrics,
                    fileBytes / 1e6,
                    pageCount,
                    freePages,
                    walBytes,
                    bytesPerDay(),
                    rawRows,
                    rawBytes / 1e6,
                    rawPerRow,
                    rawPerRow * metrics,
                    rawPerRow * metrics * 2880 / 1e6,
                    hourlyRows,
                    hourlyBytes / 1e6,
                    hourlyPerRow,
                    hourlyPerRow * metrics * 24 / 1e3,
                    elapsed.toMillis() / 1e3);
        }
    }

    static Figures run(
            Path dir,
            Duration simulated,
            Duration fullRate,
            Duration interval,
            Duration earlyInterval,
            Duration retentionEvery)
            throws SQLException, IOException {
        long started = System.nanoTime();
        TestClock clock = new TestClock(START);
        Path file = dir.resolve(Database.FILE_NAME);
        long samples = 0;
        try (Database db = Database.open(file)) {
            SampleStore store = new SampleStore(db, clock);
            Retention retention = new Retention(db, clock);
            Instant end = START.plus(simulated);
            Instant fullRateFrom = end.minus(fullRate);
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
            // dbstat is compiled into the driver's SQLite: pages used by each table.
            long rawBytes = count(db, "SELECT SUM(pgsize) FROM dbstat WHERE name = 'sample'");
            long hourlyBytes = count(db, "SELECT SUM(pgsize) FROM dbstat WHERE name = 'sample_hourly'");
            long metrics = count(db, "SELECT count(*) FROM metric");
            Path wal = file.resolveSibling(file.getFileName() + "-wal");
            return new Figures(
                    simulated,
                    samples,
                    Files.size(file),
                    Files.exists(wal) ? Files.size(wal) : 0,
                    pages,
                    free,
                    raw,
                    rawBytes,
                    hourly,
                    hourlyBytes,
                    metrics,
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private static long count(Database db, String sql) throws SQLException {
        return db.read(c -> {
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery(sql)) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        });
    }

    /**
     * Prints the figures of a simulated year. Arguments (all optional): data directory (default,
     * or "-": a new temporary one, deleted at the end), days (365), interval seconds (30), early
     * interval seconds (3600; give 30 for a year sampled at full rate throughout, which takes many
     * minutes). A directory given is kept, to look into the database.
     */
    public static void main(String[] args) throws Exception {
        boolean temporary = args.length == 0 || args[0].equals("-");
        Path dir = temporary ? Files.createTempDirectory("digiclub-year") : Path.of(args[0]);
        Duration simulated = Duration.ofDays(args.length > 1 ? Integer.parseInt(args[1]) : 365);
        Duration interval = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 30);
        Duration early = Duration.ofSeconds(args.length > 3 ? Long.parseLong(args[3]) : 3600);
        System.out.println("writing into " + dir + (temporary ? " (deleted at the end)" : ""));
        try {
            System.out.println(
                    run(dir, simulated, Duration.ofDays(7).plusHours(2), interval, early, Duration.ofMinutes(10)));
        } finally {
            if (temporary) {
                try (Stream<Path> paths = Files.walk(dir)) {
                    for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }
}
