package bg.digiclub.agent.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void newDatabaseIsInWalModeWithIncrementalAutoVacuumAndMigrated() throws Exception {
        try (Database db = Database.open(dir.resolve("sub/agent.db"))) {
            assertEquals("wal", query(db, "PRAGMA journal_mode").get(0));
            assertEquals("2", query(db, "PRAGMA auto_vacuum").get(0), "2 = INCREMENTAL");
            // versions 1-9 are the store's; other owners' migrations (10-29) follow them
            assertEquals(
                    List.of("1", "2"),
                    query(db, "SELECT version FROM schema_version WHERE version <= 9 ORDER BY version"));
            assertTrue(query(db, "SELECT name FROM sqlite_master WHERE type = 'table'")
                    .containsAll(List.of("metric", "sample", "sample_hourly", "alert_event", "store_state")));
        }
    }

    @Test
    void insertsDoNotFetchGeneratedKeys() throws Exception {
        try (Database db = Database.open(dir.resolve("agent.db"))) {
            boolean anyKey = db.write(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO metric(name) VALUES (?)")) {
                    ps.setString(1, "cpu.load_pct");
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        return keys.next();
                    }
                }
            });
            assertFalse(anyKey, "the driver ran SELECT last_insert_rowid() after the insert");
            assertEquals(List.of("cpu.load_pct"), query(db, "SELECT name FROM metric"));
        }
    }

    @Test
    void reopeningKeepsDataAndAppliesNothingTwice() throws Exception {
        Path file = dir.resolve("agent.db");
        try (Database db = Database.open(file)) {
            db.write(c -> {
                try (Statement st = c.createStatement()) {
                    return st.executeUpdate("INSERT INTO metric(name) VALUES ('cpu.load_pct')");
                }
            });
        }
        try (Database db = Database.open(file)) {
            assertEquals(List.of("cpu.load_pct"), query(db, "SELECT name FROM metric"));
            assertEquals(
                    List.of(String.valueOf(Database.migrations().all().size())),
                    query(db, "SELECT count(*) FROM schema_version"));
            assertEquals("ok", db.integrityCheck());
        }
    }

    @Test
    void failedTransactionChangesNothing() throws Exception {
        try (Database db = Database.open(dir.resolve("agent.db"))) {
            assertThrows(
                    SQLException.class,
                    () -> db.write(c -> {
                        try (Statement st = c.createStatement()) {
                            st.executeUpdate("INSERT INTO metric(name) VALUES ('a')");
                            return st.executeUpdate("INSERT INTO metric(name) VALUES ('a')");
                        }
                    }));
            assertEquals(List.of("0"), query(db, "SELECT count(*) FROM metric"));
        }
    }

    @Test
    void readOnlyOpenOfAMissingFileNamesItAndCreatesNothing() {
        Path file = dir.resolve("nothing/agent.db");
        SQLException e = assertThrows(SQLException.class, () -> Database.openReadOnly(file));
        assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
        assertTrue(!file.getParent().toFile().exists());
    }

    @Test
    void readOnlyDatabaseRefusesToWrite() throws Exception {
        Path file = dir.resolve("agent.db");
        Database.open(file).close();
        try (Database db = Database.openReadOnly(file)) {
            assertTrue(db.isReadOnly());
            SQLException e = assertThrows(SQLException.class, () -> db.write(c -> null));
            assertTrue(e.getMessage().contains("read-only"), e.getMessage());
            assertThrows(
                    SQLException.class,
                    () -> db.read(c -> {
                        try (Statement st = c.createStatement()) {
                            return st.executeUpdate("INSERT INTO metric(name) VALUES ('x')");
                        }
                    }));
        }
    }

    @Test
    void readOnlyOpenOfAnUnmigratedDatabaseSaysToStartTheAgent() throws Exception {
        Path file = dir.resolve("agent.db");
        Database.connect(file).close();
        SQLException e = assertThrows(SQLException.class, () -> Database.openReadOnly(file));
        assertTrue(e.getMessage().contains("schema version 0"), e.getMessage());
    }

    /**
     * A database written by the agent before checksums were recorded: its {@code schema_version} without the
     * checksum column and with SQLite's datetime text, the newest migration not yet applied.
     */
    @Test
    void aDatabaseOfTheOldRunnerIsUpgradedInPlace() throws Exception {
        Path file = dir.resolve("agent.db");
        try (Database db = Database.open(file)) {
            db.write(c -> {
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("INSERT INTO metric(name) VALUES ('cpu.load_pct')");
                    st.executeUpdate("DROP TABLE enrolment_request");
                    st.executeUpdate("CREATE TABLE old_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                            + " applied_at TEXT NOT NULL)");
                    st.executeUpdate(
                            "INSERT INTO old_version SELECT version, name, '2026-11-30 10:00:00' FROM schema_version"
                                    + " WHERE name <> 'V22__enrolment_request.sql'");
                    st.executeUpdate("DROP TABLE schema_version");
                    st.executeUpdate("ALTER TABLE old_version RENAME TO schema_version");
                    return null;
                }
            });
        }
        try (Database db = Database.open(file)) {
            assertEquals(List.of("cpu.load_pct"), query(db, "SELECT name FROM metric"));
            assertEquals(List.of("0"), query(db, "SELECT count(*) FROM enrolment_request"), "the missing one applied");
            List<String> expected = new ArrayList<>();
            for (var m : Database.migrations().all()) {
                expected.add(m.version() + " " + m.checksum());
            }
            assertEquals(expected, query(db, "SELECT version || ' ' || checksum FROM schema_version ORDER BY version"));
            assertEquals(
                    List.of(String.valueOf(expected.size() - 1)),
                    query(db, "SELECT count(*) FROM schema_version WHERE applied_at = '2026-11-30 10:00:00'"));
        }
        try (Database db = Database.openReadOnly(file)) {
            assertEquals("ok", db.integrityCheck());
        }
    }

    @Test
    void aChangedAppliedMigrationStopsTheOpenNamingTheFile() throws Exception {
        Path file = dir.resolve("agent.db");
        Database.open(file).close();
        try (Database db = Database.open(file)) {
            db.write(c -> c.createStatement()
                    .executeUpdate(
                            "UPDATE schema_version SET checksum = 'edited' WHERE name = 'V2__alert_events.sql'"));
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Database.open(file));
        assertTrue(e.getMessage().contains("V2__alert_events.sql"), e.getMessage());
    }

    static List<String> query(Database db, String sql) throws SQLException {
        return db.read(c -> {
            List<String> rows = new ArrayList<>();
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            return rows;
        });
    }
}
