package bg.digiclub.agent.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;

import org.sqlite.SQLiteConfig;

import bg.digiclub.support.sql.Migration;
import bg.digiclub.support.sql.Migrations;
import bg.digiclub.support.sql.SingleConnection;
import bg.digiclub.support.sql.SqlDatabase;
import bg.digiclub.support.sql.SqlWork;

/**
 * The agent's SQLite database: one file in the data directory, in WAL mode, migrated to the
 * newest schema when opened. The agent is its only writer (DESIGN.md); other processes (the
 * {@code agent status} command) may read it at the same time through {@link #openReadOnly(Path)}.
 *
 * <p>One connection is shared and every use of it is serialized ({@link SingleConnection}): SQLite
 * allows one writer at a time anyway, and one connection keeps the page cache warm and the memory
 * footprint small. Callers use {@link #write(SqlWork)} (a transaction) or {@link #read(SqlWork)} (a
 * read snapshot), the words the collector uses too.
 *
 * <p>The agent opens its database through {@link DatabaseOpener}, which also checks integrity
 * and moves a damaged file aside; {@link #open(Path)} is the plain open for tests and tools.
 */
public final class Database implements SqlDatabase {
    /** The file name inside the data directory. */
    public static final String FILE_NAME = "agent.db";
    /** The agent's migrations: {@code db/migration/index.txt} and the scripts it lists. */
    static final String MIGRATIONS = "db/migration/";

    private final Path file;
    private final SingleConnection connection;

    private Database(Path file, Connection connection, boolean readOnly) {
        this.file = file;
        this.connection = new SingleConnection(connection, file.toString(), readOnly);
    }

    /** The agent's migrations, in the order they apply. */
    static Migrations migrations() {
        return Migrations.listedIn(Database.class.getClassLoader(), MIGRATIONS);
    }

    /**
     * Opens (creating if needed) the database file and runs pending migrations.
     *
     * @throws SQLException if the file cannot be opened as SQLite or a migration fails
     */
    public static Database open(Path file) throws SQLException {
        Database db = connect(file);
        try {
            db.migrate();
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    /**
     * Opens an existing database for reading only, e.g. from the command line while the agent
     * runs: WAL mode lets this second process read committed data while the agent writes.
     * Nothing is created or migrated.
     *
     * @throws SQLException if there is no database at {@code file}, it cannot be read, or its
     *                      schema is older than this build expects (the agent migrates it when it starts)
     */
    public static Database openReadOnly(Path file) throws SQLException {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new SQLException("no agent database at " + file.toAbsolutePath());
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(5_000);
        Connection connection = DriverManager.getConnection(url(file), config.toProperties());
        Database db = new Database(file, connection, true);
        try {
            Migrations migrations = migrations();
            List<Migration> pending = db.read(migrations::pending);
            if (!pending.isEmpty()) {
                int have = migrations.all().stream()
                        .filter(m -> !pending.contains(m))
                        .mapToInt(Migration::version)
                        .max()
                        .orElse(0);
                throw new SQLException("the database " + file.toAbsolutePath() + " has schema version " + have
                        + " but this agent expects " + migrations.latestVersion() + " (it lacks "
                        + pending.stream().map(Migration::file).toList() + "); start the agent once to migrate it");
            }
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    /**
     * Opens (creating if needed) the file with the agent's settings but does not migrate it, so
     * that {@link DatabaseOpener} can check integrity before anything is written.
     */
    static Database connect(Path file) throws SQLException {
        Objects.requireNonNull(file, "file");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new SQLException("cannot create directory for " + file + ": " + e.getMessage(), e);
        }
        SQLiteConfig config = new SQLiteConfig();
        // NORMAL in WAL mode: a committed transaction survives a process crash (kill -9);
        // after a power cut the last transactions may roll back, the file stays consistent.
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(5_000);
        // The WAL file is reused, not truncated, after a checkpoint; cap what it keeps on disk.
        config.setJournalSizeLimit(4 * 1024 * 1024);
        // No generated keys: otherwise the driver matches every executed statement against a
        // regular expression and runs "SELECT last_insert_rowid()" after every insert (ids are
        // read back with a query where needed), a cost paid on every health sample.
        config.setGetGeneratedKeys(false);
        Connection connection = DriverManager.getConnection(url(file), config.toProperties());
        Database db = new Database(file, connection, false);
        try (Statement st = connection.createStatement()) {
            if (db.isEmpty()) {
                // Only possible before the first table exists; afterwards it would need a full
                // VACUUM. INCREMENTAL lets Retention hand freed pages back to the file system.
                st.execute("PRAGMA auto_vacuum = INCREMENTAL");
            }
            // Set here rather than in SQLiteConfig so that auto_vacuum comes first on a new file.
            try (ResultSet rs = st.executeQuery("PRAGMA journal_mode = WAL")) {
                String mode = rs.next() ? rs.getString(1) : "?";
                if (!"wal".equalsIgnoreCase(mode)) {
                    throw new SQLException("cannot switch " + file + " to WAL mode (got " + mode + ")");
                }
            }
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    private static String url(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath();
    }

    private boolean isEmpty() throws SQLException {
        return autoCommit(c -> {
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master")) {
                return rs.next() && rs.getInt(1) == 0;
            }
        });
    }

    /** Applies pending migrations; an applied script changed since is refused (IllegalStateException). */
    void migrate() throws SQLException {
        migrations().migrate(this);
    }

    public Path file() {
        return file;
    }

    public boolean isReadOnly() {
        return connection.isReadOnly();
    }

    /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
    @Override
    public <T> T write(SqlWork<T> work) throws SQLException {
        return connection.write(work);
    }

    /**
     * Runs read-only {@code work} in one read transaction, so that all its queries see the same
     * committed state even while another process writes. Allowed on a read-only database.
     */
    @Override
    public <T> T read(SqlWork<T> work) throws SQLException {
        return connection.read(work);
    }

    /**
     * Runs {@code work} on the shared connection outside a transaction (each statement commits
     * on its own): only for statements that cannot run in one (some PRAGMAs).
     */
    public <T> T autoCommit(SqlWork<T> work) throws SQLException {
        return connection.autoCommit(work);
    }

    /** Runs {@code PRAGMA integrity_check}; returns "ok" or SQLite's complaints, one per line. */
    public String integrityCheck() throws SQLException {
        return autoCommit(c -> {
            StringBuilder out = new StringBuilder();
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                while (rs.next()) {
                    if (!out.isEmpty()) {
                        out.append('\n');
                    }
                    out.append(rs.getString(1));
                }
            }
            return out.isEmpty() ? "no answer" : out.toString();
        });
    }

    @Override
    public void close() {
        connection.close();
    }
}
