package bg.digiclub.collector.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.collector.audit.BatchLog;
import bg.digiclub.support.sql.Migration;
import bg.digiclub.support.sql.Migrations;
import bg.digiclub.support.sql.SqlDatabase;
import bg.digiclub.support.sql.SqlWork;
import bg.digiclub.support.sql.WriterAndReaders;

/**
 * The collector's database, used with the words the agent uses too ({@link SqlDatabase}): {@code write} is a
 * transaction on the writer, {@code read} a consistent snapshot on a reader ({@link WriterAndReaders}). SQLite
 * gets one writer connection (SQLite allows one writer at a time anyway; queueing in the pool is cheaper than
 * retrying SQLITE_BUSY) and a few readers that WAL lets run beside it. PostgreSQL gets one pool for both.
 */
public final class Database implements SqlDatabase {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** The collector's migrations: {@code db/collector/index.txt} and the scripts it lists. */
    static final String MIGRATIONS = "db/collector/";

    private final Dialect dialect;
    private final WriterAndReaders pools;
    private final HikariDataSource writer;
    private final HikariDataSource reader;

    private Database(Dialect dialect, HikariDataSource writer, HikariDataSource reader) {
        this.dialect = dialect;
        this.writer = writer;
        this.reader = reader;
        this.pools = new WriterAndReaders(writer, reader, () -> {
            writer.close();
            if (reader != writer) {
                reader.close();
            }
        });
    }

    /** The collector's migrations, in the order they apply. */
    static Migrations migrations() {
        return Migrations.listedIn(Database.class.getClassLoader(), MIGRATIONS);
    }

    /** The SQLite database's file name in the data directory. */
    public static final String SQLITE_FILE = "collector.db";

    private static final Set<PosixFilePermission> OPEN_TO_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);

    /**
     * The SQLite file {@code collector.db} in a data directory, both private to the collector's
     * account: a missing directory is created 0700, the file is created 0600 before SQLite opens
     * it (SQLite gives its {@code -wal} and {@code -shm} the database file's mode), and an
     * existing file and its companions are set to 0600. The database holds device tokens'
     * hashes, staff accounts and every club's figures. A directory that already exists open to
     * others is left as it is, with a warning naming it.
     */
    public static String sqliteUrl(Path dataDir) {
        Path file = dataDir.resolve(SQLITE_FILE);
        try {
            boolean posix =
                    dataDir.getFileSystem().supportedFileAttributeViews().contains("posix");
            if (!posix) {
                Files.createDirectories(dataDir);
            } else {
                if (!Files.exists(dataDir)) {
                    Files.createDirectories(
                            dataDir,
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                }
                Set<PosixFilePermission> dirMode = EnumSet.copyOf(Files.getPosixFilePermissions(dataDir));
                dirMode.retainAll(OPEN_TO_OTHERS);
                if (!dirMode.isEmpty()) {
                    LOG.warn(
                            "the data directory {} is open to other accounts ({}); chmod 700 it",
                            dataDir,
                            PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)));
                }
                Set<PosixFilePermission> fileMode = PosixFilePermissions.fromString("rw-------");
                if (!Files.exists(file)) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(fileMode));
                }
                for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
                    Path f = dataDir.resolve(SQLITE_FILE + suffix);
                    if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                        Files.setPosixFilePermissions(f, fileMode);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDir + " or " + file, e);
        }
        return "jdbc:sqlite:" + file.toAbsolutePath();
    }

    /** Opens the database, brings its schema up to date and readies the audit trail ({@link BatchLog#prepare}). */
    public static Database open(String jdbcUrl) {
        return open(jdbcUrl, null);
    }

    /**
     * Opens the database and brings its schema up to date.
     *
     * @param password the PostgreSQL password, given apart from the URL (from a file, never the
     *                 command line); null when the URL or the server's rules need none
     */
    public static Database open(String jdbcUrl, String password) {
        Dialect dialect = Dialect.of(jdbcUrl);
        if (password != null && dialect != Dialect.POSTGRESQL) {
            throw new IllegalArgumentException("a database password is for PostgreSQL; SQLite has none");
        }
        Database database = dialect == Dialect.SQLITE ? openSqlite(jdbcUrl) : openPostgres(jdbcUrl, password);
        try {
            for (Migration m : migrations().migrate(database)) {
                LOG.info("database migrated to version {} ({})", m.version(), m.file());
            }
            BatchLog.prepare(database, Clock.systemUTC());
        } catch (SQLException e) {
            database.close();
            throw new IllegalStateException("database migration failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    private static Database openSqlite(String url) {
        HikariDataSource writer = new HikariDataSource(sqliteConfig(url, "sqlite-writer", 1));
        HikariDataSource reader = new HikariDataSource(sqliteConfig(url, "sqlite-reader", 4));
        LOG.info("database: SQLite {}", url.substring("jdbc:sqlite:".length()));
        return new Database(Dialect.SQLITE, writer, reader);
    }

    private static HikariConfig sqliteConfig(String url, String name, int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(30_000);
        // WAL: readers never block the writer; NORMAL sync is durable across a process crash
        // and loses at most the last commits on a power cut of the server itself
        config.addDataSourceProperty("journal_mode", "WAL");
        config.addDataSourceProperty("synchronous", "NORMAL");
        config.addDataSourceProperty("foreign_keys", "true");
        config.addDataSourceProperty("busy_timeout", "30000");
        return config;
    }

    private static Database openPostgres(String url, String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("postgresql");
        config.setJdbcUrl(url);
        if (password != null) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(12);
        config.setConnectionTimeout(30_000);
        // one round trip for a batch of inserts
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        HikariDataSource pool = new HikariDataSource(config);
        LOG.info("database: PostgreSQL");
        return new Database(Dialect.POSTGRESQL, pool, pool);
    }

    public Dialect dialect() {
        return dialect;
    }

    /**
     * A connection of its own, outside the pools, with the writer's URL and credentials: for a
     * PostgreSQL {@code LISTEN} that holds its connection for as long as the process runs (the
     * live channel's). The caller closes it.
     */
    public Connection dedicatedConnection() throws SQLException {
        Properties credentials = new Properties();
        if (writer.getUsername() != null) {
            credentials.setProperty("user", writer.getUsername());
        }
        if (writer.getPassword() != null) {
            credentials.setProperty("password", writer.getPassword());
        }
        return DriverManager.getConnection(writer.getJdbcUrl(), credentials);
    }

    /** The connection pools as they are now (SQLite: the writer's and the readers'; PostgreSQL: one), for /metrics. */
    public List<PoolStats> pools() {
        return (reader == writer ? List.of(writer) : List.of(writer, reader))
                .stream().map(PoolStats::of).toList();
    }

    /** Runs work in one write transaction: committed if it returns, rolled back if it throws. */
    @Override
    public <T> T write(SqlWork<T> work) throws SQLException {
        return pools.write(work);
    }

    /** Runs read-only work on one consistent snapshot, on a reader connection. */
    @Override
    public <T> T read(SqlWork<T> work) throws SQLException {
        return pools.read(work);
    }

    @Override
    public void close() {
        pools.close();
    }
}
