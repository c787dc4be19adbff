package bg.digiclub.collector.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import bg.digiclub.collector.testing.TestDatabases;
import bg.digiclub.support.sql.Migration;

class MigrationsTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void migratesOnceAndReopensWithoutChange(String kind) throws Exception {
        String url = TestDatabases.url(kind, temp);
        int all = Database.migrations().all().size();
        try (Database db = Database.open(url)) {
            assertEquals(all, versions(db).size());
        }
        try (Database db = Database.open(url)) {
            assertEquals(expectedVersions(), versions(db));
            assertEquals((long) all, BatchStoreTest.count(db, "SELECT COUNT(*) FROM schema_version"));
        }
    }

    /**
     * A database the collector made before checksums were recorded: {@code schema_version} without the checksum
     * column, {@code applied_at} in epoch seconds; every table and row stays, the checksums are taken from today's
     * scripts and hold from then on.
     */
    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void aDatabaseOfTheOldRunnerIsUpgradedInPlace(String kind) throws Exception {
        String url = TestDatabases.url(kind, temp);
        try (Connection c = DriverManager.getConnection(url);
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                    + " applied_at BIGINT NOT NULL)");
            for (Migration m : Database.migrations().all()) {
                for (String sql : m.script().statements()) {
                    st.execute(sql);
                }
                st.execute("INSERT INTO schema_version (version, name, applied_at) VALUES (" + m.version() + ", '"
                        + m.file() + "', 1764000000)");
            }
            st.execute(
                    "INSERT INTO clubs (id, name, place, time_zone, created_at) VALUES ('k1', 'Читалище „Светлина 1896“',"
                            + " 'Стара Загора', 'Europe/Sofia', 1764000000)");
        }
        try (Database db = Database.open(url)) {
            assertEquals(expectedVersions(), versions(db));
            assertEquals(1L, BatchStoreTest.count(db, "SELECT COUNT(*) FROM clubs WHERE id = 'k1'"), "nothing lost");
            assertEquals(
                    (long) expectedVersions().size(),
                    BatchStoreTest.count(db, "SELECT COUNT(*) FROM schema_version WHERE applied_at = 1764000000"));
        }
        try (Database db = Database.open(url)) {
            db.write(c -> c.createStatement()
                    .executeUpdate(
                            "UPDATE schema_version SET checksum = 'edited' WHERE name = 'V3__enrolment_requests.sql'"));
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Database.open(url));
        assertTrue(e.getMessage().contains("V3__enrolment_requests.sql"), e.getMessage());
    }

    @Test
    void anUnknownUrlIsRefusedWithoutShowingItsPassword() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Database.open("jdbc:mysql://host/db?user=u&password=secret"));
        assertEquals(false, e.getMessage().contains("secret"));
    }

    private static List<String> expectedVersions() {
        List<String> expected = new ArrayList<>();
        for (Migration m : Database.migrations().all()) {
            expected.add(m.version() + " " + m.file() + " " + m.checksum());
        }
        return expected;
    }

    private static List<String> versions(Database db) throws SQLException {
        return db.read(c -> {
            List<String> rows = new ArrayList<>();
            try (Statement st = c.createStatement();
                    ResultSet rs =
                            st.executeQuery("SELECT version, name, checksum FROM schema_version ORDER BY version")) {
                while (rs.next()) {
                    rows.add(rs.getInt(1) + " " + rs.getString(2) + " " + rs.getString(3));
                }
            }
            return rows;
        });
    }
}
