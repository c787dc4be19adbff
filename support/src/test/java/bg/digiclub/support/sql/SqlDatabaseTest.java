package bg.digiclub.support.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** The vocabulary's promises, kept by both implementations on a real SQLite file in WAL mode. */
class SqlDatabaseTest {
    @TempDir
    Path dir;

    private SqliteFile file;

    @BeforeEach
    void table() throws SQLException {
        file = new SqliteFile(dir.resolve("db.sqlite"));
        file.execute("CREATE TABLE n (v INTEGER)");
    }

    @Test
    void singleConnectionKeepsThePromises() throws Exception {
        try (SingleConnection db = file.single()) {
            keepsThePromises(db);
            long seenInAWrite = db.write(c -> {
                c.createStatement().executeUpdate("INSERT INTO n VALUES (6)");
                long inner = db.read(r -> count(r, "SELECT count(*) FROM n"));
                c.createStatement().executeUpdate("INSERT INTO n VALUES (7)");
                return inner;
            });
            assertEquals(4, seenInAWrite, "a read inside a write joins it: it sees the write's rows so far");
            assertEquals(5, file.count("SELECT count(*) FROM n"), "and does not roll the write back");
        }
    }

    @Test
    void writerAndReadersKeepThePromises() throws Exception {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl(file.url());
        try (WriterAndReaders db = new WriterAndReaders(source, source, () -> {})) {
            keepsThePromises(db);
            long seenInAWrite = db.read(c -> {
                count(c, "SELECT count(*) FROM n");
                file.execute("INSERT INTO n VALUES (6)");
                return db.write(w -> db.read(r -> count(r, "SELECT count(*) FROM n")));
            });
            assertEquals(4, seenInAWrite, "a write inside a read is not part of it: its reads see what is committed");
        }
    }

    @Test
    void aReadOnlySingleConnectionRefusesWritesButReads() throws Exception {
        file.execute("INSERT INTO n VALUES (7)");
        try (SingleConnection db = new SingleConnection(file.connect(), "db.sqlite", true)) {
            SQLException e = assertThrows(SQLException.class, () -> db.write(c -> null));
            assertTrue(e.getMessage().contains("read-only"), e.getMessage());
            assertEquals(Long.valueOf(7), db.read(c -> count(c, "SELECT sum(v) FROM n")));
        }
    }

    @Test
    void autoCommitRunsOutsideATransaction() throws Exception {
        try (SingleConnection db = file.single()) {
            assertTrue(db.autoCommit(Connection::getAutoCommit));
            db.autoCommit(c -> c.createStatement().executeUpdate("INSERT INTO n VALUES (1)"));
        }
        assertEquals(1, file.count("SELECT count(*) FROM n"));
    }

    @Test
    void closingClosesThePools() throws Exception {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl(file.url());
        boolean[] closed = {false};
        new WriterAndReaders(source, source, () -> closed[0] = true).close();
        assertTrue(closed[0]);
    }

    private void keepsThePromises(SqlDatabase db) throws SQLException {
        db.write(c -> c.createStatement().executeUpdate("INSERT INTO n VALUES (1)"));
        assertEquals(1, file.count("SELECT count(*) FROM n"), "a write that returns is committed");

        assertThrows(
                IllegalStateException.class,
                () -> db.write(c -> {
                    c.createStatement().executeUpdate("INSERT INTO n VALUES (2)");
                    throw new IllegalStateException("changed my mind");
                }));
        assertEquals(1, file.count("SELECT count(*) FROM n"), "a write that throws is rolled back");

        long[] seen = db.read(c -> {
            long before = count(c, "SELECT count(*) FROM n");
            file.execute("INSERT INTO n VALUES (3)");
            return new long[] {before, count(c, "SELECT count(*) FROM n")};
        });
        assertEquals(seen[0], seen[1], "a read sees one snapshot while another connection commits");
        assertEquals(
                Long.valueOf(2), db.read(c -> count(c, "SELECT count(*) FROM n")), "the next read sees the commit");

        db.read(c -> c.createStatement().executeUpdate("INSERT INTO n VALUES (4)"));
        assertEquals(2, file.count("SELECT count(*) FROM n"), "a read keeps nothing");

        long[] joined = db.read(c -> {
            long before = count(c, "SELECT count(*) FROM n");
            file.execute("INSERT INTO n VALUES (5)");
            long inner = db.read(nested -> count(nested, "SELECT count(*) FROM n"));
            return new long[] {before, inner, count(c, "SELECT count(*) FROM n")};
        });
        assertEquals(2, joined[0]);
        assertEquals(2, joined[1], "a read inside a read sees the outer read's snapshot");
        assertEquals(2, joined[2], "and does not end it");
        assertEquals(Long.valueOf(3), db.read(c -> count(c, "SELECT count(*) FROM n")));
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
