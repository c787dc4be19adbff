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
            assertEquals(List.of("1", "2"), query(db, "SELECT version FROM schema_version WHERE version <= 9 ORDER BY version"));
            assertTrue(query(db, "SELECT name FROM sqlite_master WHERE type = 'table'")
                    .containsAll(List.of("metric", "sample", "sample_hourly", "alert_event", "store_state")));
        }
    }

    @Test
    void insertsDoNotFetchGeneratedKeys() throws Exception {
        try (Database db = Database.open(dir.resolve("agent.db"))) {
            boolean anyKey = db.transaction(c -> {
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
            db.transaction(c -> {
                try (Statement st = c.createStatement()) {
                    return st.executeUpdate("INSERT INTO metric(name) VALUES ('cpu.load_pct')");
                }
            });
        }
        try (Database db = Database.open(file)) {
            assertEquals(List.of("cpu.load_pct"), query(db, "SELECT name FROM metric"));
            assertEquals(List.of(String.valueOf(new Migrations(Migrations.DEFAULT_LOCATION).list().size())),
                    query(db, "SELECT count(*) FROM schema_version"));
            assertEquals("ok", db.integrityCheck());
        }
    }

    @Test
    void failedTransactionChangesNothing() throws Exception {
        try (Database db = Database.open(dir.resolve("agent.db"))) {
            assertThrows(SQLException.class, () -> db.transaction(c -> {
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
            SQLException e = assertThrows(SQLException.class, () -> db.transaction(c -> null));
            assertTrue(e.getMessage().contains("read-only"), e.getMessage());
            assertThrows(SQLException.class, () -> db.read(c -> {
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

    static List<String> query(Database db, String sql) throws SQLException {
        return db.read(c -> {
            List<String> rows = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            return rows;
        });
    }
}
