package bg.digiclub.support.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {
    private static final String THINGS = "CREATE TABLE thing (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL);\n";

    @TempDir
    Path dir;

    private SqliteFile file;

    @BeforeEach
    void file() {
        file = new SqliteFile(dir.resolve("test.db"));
    }

    @Test
    void aNewDatabaseGetsEveryListedScriptOnceWithItsChecksum() throws Exception {
        Migrations migrations = Migrations.listedIn(getClass().getClassLoader(), "sql/migrations/");
        assertEquals(
                List.of(1, 10),
                migrations.all().stream().map(Migration::version).toList());
        try (SingleConnection db = file.single()) {
            assertEquals(2, migrations.migrate(db).size());
            assertEquals(List.of(), migrations.migrate(db), "nothing runs twice");
            assertEquals(List.of(), db.read(migrations::pending));
            assertEquals(
                    List.of(
                            "1 V1__things.sql " + migrations.all().get(0).checksum(),
                            "10 V10__colours.sql " + migrations.all().get(1).checksum()),
                    versions(db));
        }
        assertEquals(1, file.count("SELECT count(*) FROM thing WHERE weight IS NULL"));
        assertEquals(1, file.count("SELECT count(*) FROM colour WHERE name = 'red;blue'"));
        assertEquals(2, file.count("SELECT count(*) FROM schema_version WHERE applied_at > 1700000000"));
    }

    @Test
    void aLowerVersionReleasedAfterAHigherOneStillRuns() throws Exception {
        Migration v1 = Migration.of("V1__things.sql", THINGS);
        Migration v2 = Migration.of("V2__late.sql", "CREATE TABLE late (x INTEGER);\n");
        Migration v10 = Migration.of("V10__colours.sql", "CREATE TABLE colour (name TEXT);\n");
        try (SingleConnection db = file.single()) {
            new Migrations(List.of(v1, v10)).migrate(db);
            Migrations next = new Migrations(List.of(v1, v2, v10));
            assertEquals(List.of(v2), db.read(next::pending));
            assertEquals(List.of(v2), next.migrate(db));
        }
        assertEquals(0, file.count("SELECT count(*) FROM late"));
    }

    @Test
    void aChangedAppliedScriptIsRefusedNamingTheFile() throws Exception {
        try (SingleConnection db = file.single()) {
            new Migrations(List.of(Migration.of("V1__things.sql", THINGS))).migrate(db);
            Migrations edited = new Migrations(List.of(
                    Migration.of("V1__things.sql", THINGS.replace("40", "80")),
                    Migration.of("V2__more.sql", "CREATE TABLE more (x INTEGER);\n")));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> edited.migrate(db));
            assertTrue(e.getMessage().contains("V1__things.sql"), e.getMessage());
            assertEquals(1, versions(db).size(), "nothing after the refusal ran");
        }
        assertEquals(0, file.count("SELECT count(*) FROM sqlite_master WHERE name = 'more'"));
    }

    @Test
    void lineEndingsAreNotAChange() throws Exception {
        try (SingleConnection db = file.single()) {
            new Migrations(List.of(Migration.of("V1__things.sql", THINGS))).migrate(db);
            new Migrations(List.of(Migration.of("V1__things.sql", THINGS.replace("\n", "\r\n")))).migrate(db);
            assertEquals(1, versions(db).size());
        }
    }

    @Test
    void aFailingScriptIsRolledBackAndNamed() throws Exception {
        Migration broken =
                Migration.of("V2__broken.sql", "CREATE TABLE half (x INTEGER);\nINSERT INTO nowhere VALUES (1);\n");
        try (SingleConnection db = file.single()) {
            SQLException e = assertThrows(
                    SQLException.class,
                    () -> new Migrations(List.of(Migration.of("V1__things.sql", THINGS), broken)).migrate(db));
            assertTrue(e.getMessage().contains("V2__broken.sql"), e.getMessage());
            assertEquals(1, versions(db).size());
        }
        assertEquals(0, file.count("SELECT count(*) FROM sqlite_master WHERE name = 'half'"));
    }

    /** The agent's table before checksums: applied_at as SQLite's datetime('now') text. */
    @Test
    void theAgentsOldVersionTableIsUpgradedInPlace() throws Exception {
        Migrations migrations = Migrations.listedIn(getClass().getClassLoader(), "sql/migrations/");
        file.execute(
                "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        applyByHand(migrations.all().get(0));
        file.execute(
                "INSERT INTO schema_version (version, name, applied_at) VALUES (1, 'V1__things.sql', '2026-01-02 03:04:05')");
        file.execute("INSERT INTO thing (id, name) VALUES (2, 'kept')");

        try (SingleConnection db = file.single()) {
            assertEquals(List.of(migrations.all().get(1)), migrations.migrate(db));
            assertEquals(
                    List.of(
                            "1 V1__things.sql " + migrations.all().get(0).checksum(),
                            "10 V10__colours.sql " + migrations.all().get(1).checksum()),
                    versions(db));
        }
        assertEquals(2, file.count("SELECT count(*) FROM thing"), "nothing lost");
        assertEquals(1, file.count("SELECT count(*) FROM schema_version WHERE applied_at = '2026-01-02 03:04:05'"));
        assertEquals(
                1,
                file.count(
                        "SELECT count(*) FROM schema_version WHERE version = 10 AND applied_at LIKE '20__-__-__ __:__:__'"),
                "new rows written the way the old column holds them");
        try (SingleConnection db = file.single()) {
            assertEquals(List.of(), migrations.migrate(db), "and the adopted checksums hold on the next start");
        }
    }

    /** The collector's table before checksums: applied_at as epoch seconds. */
    @Test
    void theCollectorsOldVersionTableIsUpgradedInPlaceAndStillChecked() throws Exception {
        Migrations migrations = Migrations.listedIn(getClass().getClassLoader(), "sql/migrations/");
        file.execute(
                "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)");
        for (Migration m : migrations.all()) {
            applyByHand(m);
            file.execute("INSERT INTO schema_version (version, name, applied_at) VALUES (" + m.version() + ", '"
                    + m.file() + "', 1760000000)");
        }
        try (SingleConnection db = file.single()) {
            assertEquals(List.of(), migrations.migrate(db));
            assertEquals(2, versions(db).size());
            Migrations edited = new Migrations(List.of(
                    migrations.all().get(0),
                    Migration.of("V10__colours.sql", "CREATE TABLE colour (name VARCHAR(99) PRIMARY KEY);\n")));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> edited.migrate(db));
            assertTrue(e.getMessage().contains("V10__colours.sql"), e.getMessage());
        }
        assertEquals(2, file.count("SELECT count(*) FROM schema_version WHERE applied_at = 1760000000"));
    }

    @Test
    void outOfOrderListsAndBadNamesAreRefused() {
        Migration v2 = Migration.of("V2__b.sql", "");
        Migration v1 = Migration.of("V1__a.sql", "");
        assertThrows(IllegalArgumentException.class, () -> new Migrations(List.of(v2, v1)));
        assertThrows(IllegalArgumentException.class, () -> Migration.of("2__b.sql", ""));
        IllegalStateException missing = assertThrows(
                IllegalStateException.class,
                () -> Migrations.listedIn(getClass().getClassLoader(), "sql/nowhere/"));
        assertTrue(missing.getMessage().contains("sql/nowhere/index.txt"), missing.getMessage());
    }

    private void applyByHand(Migration m) throws SQLException {
        for (String sql : m.script().statements()) {
            file.execute(sql);
        }
    }

    private static List<String> versions(SqlDatabase db) throws SQLException {
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
