package bg.digiclub.collector.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import bg.digiclub.collector.testing.TestDatabases;

/** {@code read} is one snapshot on both databases, also on PostgreSQL, whose default would see each commit. */
class DatabaseReadsTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void aReadSeesOneSnapshotWhileAWriteCommitsAndKeepsNothing(String kind) throws Exception {
        try (Database db = TestDatabases.open(kind, temp)) {
            long[] seen = db.read(c -> {
                long before = clubs(c);
                db.write(
                        w -> w.createStatement()
                                .executeUpdate(
                                        "INSERT INTO clubs (id, name, place, time_zone,"
                                                + " created_at) VALUES ('k2', 'Читалище „Възраждане 1860“', 'Стара Загора', 'Europe/Sofia', 1)"));
                return new long[] {before, clubs(c)};
            });
            assertEquals(0, seen[0]);
            assertEquals(0, seen[1], "the write committed meanwhile is not in the read's snapshot");
            assertEquals(Long.valueOf(1), db.read(DatabaseReadsTest::clubs), "the next read sees it");

            db.read(c -> c.createStatement().executeUpdate("DELETE FROM clubs"));
            assertEquals(Long.valueOf(1), db.read(DatabaseReadsTest::clubs), "a read keeps nothing");
        }
    }

    private static long clubs(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM clubs")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
