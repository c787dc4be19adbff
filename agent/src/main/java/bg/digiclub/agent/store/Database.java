package bg.digiclub.agent.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;

import org.sqlite.SQLiteConfig;

/**
 * The agent's SQLite database: one file in the data directory, in WAL mode, migrated to the
 * newest schema when opened. The agent is its only writer (DESIGN.md).
 *
 * <p>One connection is shared and every use of it is serialized on this object: SQLite allows
 * one writer at a time anyway, and one connection keeps the page cache warm and the memory
 * footprint small. Callers use {@link #transaction(SqlWork)} or {@link #read(SqlWork)}.
 */
public final class Database implements AutoCloseable {
    /** The file name inside the data directory. */
    public static final String FILE_NAME = "agent.db";

    private final Path file;
    private final Connection connection;

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * Opens (creating if needed) the database file and runs pending migrations.
     *
     * @throws SQLException if the file cannot be opened as SQLite or a migration fails
     */
    public static Database open(Path file) throws SQLException {
        Objects.requireNonNull(file, "file");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new SQLException("cannot create directory for " + file + ": " + e.getMessage(), e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // NORMAL in WAL mode: a committed transaction survives a process crash (kill -9);
        // after a power cut the last transactions may roll back, the file stays consistent.
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(5_000);
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
        Database db = new Database(file, connection);
        try {
            new Migrations(Migrations.DEFAULT_LOCATION).migrate(connection);
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    public Path file() {
        return file;
    }

    /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
    public synchronized <T> T transaction(SqlWork<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Runs read-only {@code work} on the shared connection. */
    public synchronized <T> T read(SqlWork<T> work) throws SQLException {
        return work.run(connection);
    }

    /** Runs {@code PRAGMA integrity_check}; returns "ok" or SQLite's first complaint. */
    public synchronized String integrityCheck() throws SQLException {
        try (Statement st = connection.createStatement(); var rs = st.executeQuery("PRAGMA integrity_check")) {
            return rs.next() ? rs.getString(1) : "no answer";
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        connection.close();
    }

    /** Work against a connection; may throw SQLException. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
