package bg.digiclub.agent.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a real agent-like process in the middle of writing, again and again: the database
 * must open, pass the integrity check, and hold every sample the process reported committed,
 * with its hourly summaries consistent.
 */
class CrashSafetyTest {
    /** After how many reported commits each round is killed; 0 = as soon as it started. */
    private static final int[] KILL_AFTER = {0, 1, 37, 3, 120, 8, 0, 64, 15, 250, 2, 90, 5, 170};

    private static final long LIMIT = 15_000;

    @TempDir
    Path dir;

    @Test
    void killedWriterLosesNoCommittedSampleAndLeavesAHealthyDatabase() throws Exception {
        Path dataDir = dir.resolve("data");
        Path stderr = dir.resolve("child-stderr.txt");
        TreeSet<Long> committed = new TreeSet<>();
        for (int round = 0; round < KILL_AFTER.length; round++) {
            try (ChildJvm child =
                    ChildJvm.start(SampleWriterProcess.class, stderr, dataDir.toString(), Long.toString(LIMIT))) {
                int seen = 0;
                String line;
                while (seen < KILL_AFTER[round] && (line = child.readLine()) != null) {
                    if (line.startsWith(SampleWriterProcess.COMMITTED)) {
                        committed.add(Long.parseLong(line.substring(SampleWriterProcess.COMMITTED.length())));
                        seen++;
                    }
                }
                child.kill();
                // Lines printed before the kill were printed after their commit: they count too.
                while ((line = child.readLine()) != null) {
                    if (line.startsWith(SampleWriterProcess.COMMITTED)) {
                        committed.add(Long.parseLong(line.substring(SampleWriterProcess.COMMITTED.length())));
                    }
                }
            }
        }
        assertTrue(
                committed.size() > 300,
                "the child committed too little to prove anything: " + committed.size() + "; its stderr: "
                        + Files.readString(stderr));

        try (Stream<Path> files = Files.list(dataDir)) {
            List<String> moved = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.contains("corrupt"))
                    .toList();
            assertEquals(List.of(), moved, "no start of the child found the database damaged");
        }
        try (Database db = Database.open(dataDir.resolve(Database.FILE_NAME))) {
            assertEquals("ok", db.integrityCheck());
            Map<Long, Map<String, Double>> stored = rawSamples(db);
            for (long n : committed) {
                Instant at = SampleWriterProcess.timeOf(n);
                assertEquals(
                        RealisticSamples.sample(n, at).metrics(),
                        stored.get(at.getEpochSecond()),
                        "sample " + n + " was reported committed");
            }
            // And nothing half-written: every stored sample is whole (one transaction per sample).
            for (Map.Entry<Long, Map<String, Double>> e : stored.entrySet()) {
                long n = (e.getKey() - SampleWriterProcess.BASE.getEpochSecond()) / SampleWriterProcess.STEP_SECONDS;
                assertEquals(
                        RealisticSamples.sample(n, Instant.ofEpochSecond(e.getKey()))
                                .metrics(),
                        e.getValue(),
                        "stored sample " + n);
            }
            assertTrue(stored.size() >= committed.size());
            assertHourlyRowsMatchRaw(db);
        }
    }

    private static Map<Long, Map<String, Double>> rawSamples(Database db) throws SQLException {
        return db.read(c -> {
            Map<Long, Map<String, Double>> byTs = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                            "SELECT s.ts, m.name, s.value FROM sample s JOIN metric m ON m.id = s.metric_id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byTs.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getDouble(3));
                }
            }
            return byTs;
        });
    }

    /** Every summarized hour equals a fresh aggregate of its raw readings (none were deleted). */
    private static void assertHourlyRowsMatchRaw(Database db) throws SQLException {
        List<String> mismatches = db.read(c -> {
            List<String> bad = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT h.hour, h.metric_id, h.count, r.n,"
                            + " h.min, r.lo, h.max, r.hi, h.avg, r.mean FROM sample_hourly h JOIN ("
                            + "  SELECT ts / 3600 * 3600 AS hour, metric_id, COUNT(*) AS n, MIN(value) AS lo,"
                            + "  MAX(value) AS hi, AVG(value) AS mean FROM sample GROUP BY 1, 2) r"
                            + " ON r.hour = h.hour AND r.metric_id = h.metric_id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getLong(3) != rs.getLong(4)
                            || rs.getDouble(5) != rs.getDouble(6)
                            || rs.getDouble(7) != rs.getDouble(8)
                            || Math.abs(rs.getDouble(9) - rs.getDouble(10)) > 1e-6) {
                        bad.add("hour " + rs.getLong(1) + " metric " + rs.getLong(2));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM sample_hourly");
                    ResultSet rs = ps.executeQuery()) {
                if (rs.getLong(1) == 0) {
                    bad.add("no hour was summarized at all");
                }
            }
            return bad;
        });
        assertEquals(List.of(), mismatches);
    }
}
