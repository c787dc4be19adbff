package bg.digiclub.collector.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collector's database. SQLite gets one writer connection (SQLite allows one writer at a
 * time anyway; queueing in the pool is cheaper than retrying SQLITE_BUSY) and a few readers
 * that WAL lets run beside it. PostgreSQL gets one pool for both.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final Dialect dialect;
    private final HikariDataSource writer;
    private final HikariDataSource reader;

    private Database(Dialect dialect, HikariDataSource writer, HikariDataSource reader) {
        this.dialect = dialect;
        this.writer = writer;
        this.reader = reader;
    }

    /** The SQLite file {@code collector.db} in a data directory, created if missing. */
    public static String sqliteUrl(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDir, e);
        }
        return "jdbc:sqlite:" + dataDir.resolve("collector.db").toAbsolutePath();
    }

    /** Opens the database and brings its schema up to date. */
    public static Database open(String jdbcUrl) {
        Dialect dialect = Dialect.of(jdbcUrl);
        Database database = dialect == Dialect.SQLITE ? openSqlite(jdbcUrl) : openPostgres(jdbcUrl);
        try {
            new Migrations(database).apply();
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

    private static Database openPostgres(String url) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("postgresql");
        config.setJdbcUrl(url);
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

    /** Runs work in one write transaction: committed if it returns, rolled back if it throws. */
    public <T> T write(SqlWork<T> work) throws SQLException {
        return transaction(writer, work);
    }

    /** Runs read-only work on a reader connection. */
    public <T> T read(SqlWork<T> work) throws SQLException {
        return transaction(reader, work);
    }

    private static <T> T transaction(HikariDataSource pool, SqlWork<T> work) throws SQLException {
        try (Connection connection = pool.getConnection()) {
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
    }

    @Override
    public void close() {
        writer.close();
        if (reader != writer) {
            reader.close();
        }
    }
}
