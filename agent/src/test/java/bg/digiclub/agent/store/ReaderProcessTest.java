package bg.digiclub.agent.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.agent.health.HealthSample;
import bg.digiclub.agent.health.Metric;
import bg.digiclub.testsupport.TestClock;

/**
 * {@code agent status} reads the store of a running agent: this test process is that second,
 * read-only reader, and the writer is a real child JVM.
 */
class ReaderProcessTest {
    @TempDir
    Path dir;

    @Test
    void readOnlyReaderSeesARunningWritersCommitsWithoutStoppingIt() throws Exception {
        Path dataDir = dir.resolve("data");
        try (ChildJvm writer =
                ChildJvm.start(SampleWriterProcess.class, dir.resolve("stderr.txt"), dataDir.toString(), "15000")) {
            long before = awaitCommitted(writer, 50);
            try (Database db = Database.openReadOnly(dataDir.resolve(Database.FILE_NAME))) {
                SampleStore store = new SampleStore(db, new TestClock(Instant.EPOCH));
                HealthSample latest = store.latest().orElseThrow();
                long n = (latest.at().getEpochSecond() - SampleWriterProcess.BASE.getEpochSecond())
                        / SampleWriterProcess.STEP_SECONDS;
                assertTrue(n >= before, "the reader sees at least sample " + before + ", saw " + n);
                assertEquals(RealisticSamples.sample(n, latest.at()).metrics(), latest.metrics());
                assertFalse(latest.topByCpu().isEmpty());

                List<HistoryPoint> history = store.history(Metric.CPU_LOAD_PCT, SampleWriterProcess.BASE, latest.at());
                assertTrue(history.size() >= before, "history has " + history.size() + " points");
                assertThrows(SQLException.class, () -> store.append(latest), "a reader cannot write");

                // While this reader holds its connection, the writer goes on committing (its
                // output may lag behind the database: read until it reports a newer sample).
                long after = awaitCommittedAfter(writer, n);
                Instant newest = store.latest().orElseThrow().at();
                assertFalse(newest.isBefore(SampleWriterProcess.timeOf(after)), "the reader sees new commits");
            }
        }
    }

    @Test
    void readOnlyReaderOpensTheStoreOfAKilledAgentAndOfAStoppedOne() throws Exception {
        Path dataDir = dir.resolve("data");
        Path file = dataDir.resolve(Database.FILE_NAME);
        long last;
        try (ChildJvm writer =
                ChildJvm.start(SampleWriterProcess.class, dir.resolve("stderr.txt"), dataDir.toString(), "15000")) {
            last = awaitCommitted(writer, 40);
            writer.kill();
            String line;
            while ((line = writer.readLine()) != null) {
                if (line.startsWith(SampleWriterProcess.COMMITTED)) {
                    last = Long.parseLong(line.substring(SampleWriterProcess.COMMITTED.length()));
                }
            }
        }
        assertTrue(Files.exists(dataDir.resolve(Database.FILE_NAME + "-wal")), "a killed writer leaves its WAL");
        Instant newest;
        try (Database db = Database.openReadOnly(file)) {
            newest = new SampleStore(db, new TestClock(Instant.EPOCH))
                    .latest()
                    .orElseThrow()
                    .at();
            // the kill may land between a commit and the line reporting it: one more may be there
            assertFalse(newest.isBefore(SampleWriterProcess.timeOf(last)), "committed samples in the WAL are read");
            assertFalse(newest.isAfter(SampleWriterProcess.timeOf(last + 1)), "nothing after the one in flight");
        }
        // A cleanly closed store has no -wal/-shm beside it; the reader must not need them.
        Database.open(file).close();
        assertFalse(Files.exists(dataDir.resolve(Database.FILE_NAME + "-wal")));
        try (Database db = Database.openReadOnly(file)) {
            assertEquals(
                    newest,
                    new SampleStore(db, new TestClock(Instant.EPOCH))
                            .latest()
                            .orElseThrow()
                            .at());
        }
    }

    /** Reads the child's output until it reports a commit after sample {@code n}; returns that one. */
    private static long awaitCommittedAfter(ChildJvm writer, long n) throws Exception {
        long last;
        do {
            last = awaitCommitted(writer, 1);
        } while (last <= n);
        return last;
    }

    /** Reads the child's output until {@code count} more commits; returns the last one. */
    private static long awaitCommitted(ChildJvm writer, int count) throws Exception {
        long last = -1;
        for (int seen = 0; seen < count; ) {
            String line = writer.readLine();
            if (line == null) {
                throw new AssertionError("the writer ended early");
            }
            if (line.startsWith(SampleWriterProcess.COMMITTED)) {
                last = Long.parseLong(line.substring(SampleWriterProcess.COMMITTED.length()));
                seen++;
            }
        }
        return last;
    }
}
