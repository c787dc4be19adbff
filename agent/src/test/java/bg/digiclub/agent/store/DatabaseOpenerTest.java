package bg.digiclub.agent.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.testsupport.TestClock;

class DatabaseOpenerTest {
    private static final Instant NOW = Instant.parse("2026-11-25T07:23:11Z");
    private static final String MOVED = "agent.db.corrupt-20261125T072311Z";

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(NOW);

    private Path file() {
        return dir.resolve(Database.FILE_NAME);
    }

    /** A real database with some days of samples, closed cleanly. */
    private void writeRealDatabase() throws Exception {
        try (Database db = Database.open(file())) {
            SampleStore store = new SampleStore(db, clock);
            for (int i = 0; i < 600; i++) {
                store.append(RealisticSamples.sample(i, NOW.minusSeconds(30L * (600 - i))));
            }
        }
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Asserts a new, empty store with one open CRIT alert for check "database" naming {@code moved}. */
    private static void assertReplaced(Database db, Path moved) throws Exception {
        assertEquals("ok", db.integrityCheck());
        assertEquals(List.of(), new SampleStore(db, new TestClock(NOW)).metricNames());
        List<AlertEvent> open = new AlertStore(db, new TestClock(NOW)).open();
        assertEquals(1, open.size());
        AlertEvent alert = open.get(0);
        assertEquals(DatabaseOpener.CHECK, alert.check());
        assertEquals(HealthStatus.CRIT, alert.status());
        assertEquals(NOW, alert.startedAt());
        assertTrue(alert.detail().contains(moved.toString()), alert.detail());
    }

    @Test
    void healthyDatabaseIsOpenedAsItIs() throws Exception {
        writeRealDatabase();
        try (Database db = new DatabaseOpener(dir, clock).open()) {
            assertEquals(
                    600,
                    new SampleStore(db, clock)
                            .history("cpu.load_pct", NOW.minusSeconds(86400), NOW)
                            .size());
            assertEquals(List.of(), new AlertStore(db, clock).recent(10));
        }
        assertTrue(files().stream().noneMatch(n -> n.contains("corrupt")), files().toString());
    }

    @Test
    void newDataDirectoryGetsANewDatabase() throws Exception {
        DatabaseOpener opener = new DatabaseOpener(dir.resolve("new/data"), clock);
        try (Database db = opener.open()) {
            assertEquals(opener.file(), db.file());
            assertEquals(List.of(), new AlertStore(db, clock).recent(10));
        }
    }

    @Test
    void garbageFileIsMovedAsideAndANewDatabaseStartedWithACritAlert() throws Exception {
        byte[] garbage = "this is not a database, it is a shopping list: bread, milk\n"
                .repeat(200)
                .getBytes(StandardCharsets.UTF_8);
        Files.write(file(), garbage);
        try (Database db = new DatabaseOpener(dir, clock).open()) {
            assertReplaced(db, dir.resolve(MOVED));
        }
        assertTrue(files().contains(MOVED), files().toString());
        assertEquals(List.of(garbage.length), List.of(Files.readAllBytes(dir.resolve(MOVED)).length), "kept as it was");
    }

    @Test
    void truncatedDatabaseIsMovedAside() throws Exception {
        writeRealDatabase();
        try (RandomAccessFile f = new RandomAccessFile(file().toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
        try (Database db = new DatabaseOpener(dir, clock).open()) {
            assertReplaced(db, dir.resolve(MOVED));
        }
    }

    @Test
    void databaseWithDamagedPagesIsMovedAside() throws Exception {
        writeRealDatabase();
        long size = Files.size(file());
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        try (RandomAccessFile f = new RandomAccessFile(file().toFile(), "rw")) {
            // Pages in the middle of the file: sample rows and b-tree structure, not the header.
            for (long page = 3; page * 4096 < size; page += 7) {
                f.seek(page * 4096);
                f.write(noise);
            }
        }
        try (Database db = new DatabaseOpener(dir, clock).open()) {
            assertReplaced(db, dir.resolve(MOVED));
        }
    }

    @Test
    void walAndShmMoveWithTheDatabaseUnderTheSameName() throws Exception {
        Files.writeString(file(), "not sqlite".repeat(100));
        Files.writeString(dir.resolve("agent.db-wal"), "wal of the damaged file");
        Files.writeString(dir.resolve("agent.db-shm"), "shm of the damaged file");
        try (Database db = new DatabaseOpener(dir, clock).open()) {
            assertReplaced(db, dir.resolve(MOVED));
        }
        assertEquals("wal of the damaged file", Files.readString(dir.resolve(MOVED + "-wal")));
        assertEquals("shm of the damaged file", Files.readString(dir.resolve(MOVED + "-shm")));
    }

    @Test
    void aDamagedDatabasesRealWalIsKeptByteForByte() throws Exception {
        // A crash-consistent copy of a live database: the file plus a WAL full of commits.
        Path live = dir.resolve("live");
        try (Database db = Database.open(live.resolve(Database.FILE_NAME))) {
            SampleStore store = new SampleStore(db, clock);
            for (int i = 0; i < 300; i++) {
                store.append(RealisticSamples.sample(i, NOW.plusSeconds(30L * i)));
            }
            DatabaseTest.query(db, "PRAGMA wal_checkpoint(TRUNCATE)");
            // The WAL now holds only the newest pages; the page damaged below is not among them.
            for (int i = 300; i < 305; i++) {
                store.append(RealisticSamples.sample(i, NOW.plusSeconds(30L * i)));
            }
            Files.copy(live.resolve("agent.db"), file());
            Files.copy(live.resolve("agent.db-wal"), dir.resolve("agent.db-wal"));
        }
        byte[] wal = Files.readAllBytes(dir.resolve("agent.db-wal"));
        assertTrue(wal.length > 4096, "the WAL holds commits");
        byte[] noise = new byte[4096];
        new Random(3).nextBytes(noise);
        try (RandomAccessFile f = new RandomAccessFile(file().toFile(), "rw")) {
            f.seek(10 * 4096);
            f.write(noise);
        }
        byte[] damaged = Files.readAllBytes(file());

        try (Database db = new DatabaseOpener(dir, clock).open()) {
            assertReplaced(db, dir.resolve(MOVED));
        }
        assertArrayEquals(wal, Files.readAllBytes(dir.resolve(MOVED + "-wal")), "the WAL was not replayed or deleted");
        assertArrayEquals(damaged, Files.readAllBytes(dir.resolve(MOVED)), "the file was not written to");
    }

    @Test
    void secondReplacementInTheSameSecondKeepsTheFirst() throws Exception {
        Files.writeString(file(), "first damaged file".repeat(100));
        new DatabaseOpener(dir, clock).open().close();
        Files.writeString(file(), "second damaged file".repeat(100));
        try (Database db = new DatabaseOpener(dir, clock).open()) {
            assertReplaced(db, dir.resolve(MOVED + "-2"));
        }
        assertTrue(Files.readString(dir.resolve(MOVED)).startsWith("first"));
        assertTrue(Files.readString(dir.resolve(MOVED + "-2")).startsWith("second"));
    }

    @Test
    void aFailingMigrationIsNotDamageAndLeavesTheFileWhereItIs() throws Exception {
        writeRealDatabase();
        try (Database db = Database.open(file())) {
            // As if a release had shipped a migration that cannot apply to this database.
            db.write(c -> {
                try (Statement st = c.createStatement()) {
                    // and every later one: versions not recorded are applied, whatever was applied after them
                    st.executeUpdate("DELETE FROM schema_version WHERE version >= 2");
                    return null;
                }
            });
        }
        SQLException e = assertThrows(SQLException.class, () -> new DatabaseOpener(dir, clock).open());
        assertTrue(e.getMessage().contains("V2__alert_events.sql"), e.getMessage());
        assertEquals(List.of(Database.FILE_NAME), files());
    }

    @Test
    void aFileThatCannotBeOpenedForAnotherReasonIsLeftAloneAndTheErrorThrown() throws Exception {
        Files.createDirectory(file()); // agent.db is a directory: not damage, a setup error
        IOException e = assertThrows(IOException.class, () -> new DatabaseOpener(dir, clock).open());
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
        assertEquals(List.of(Database.FILE_NAME), files());
    }
}
