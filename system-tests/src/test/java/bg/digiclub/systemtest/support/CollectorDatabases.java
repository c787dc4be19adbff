package bg.digiclub.systemtest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import bg.digiclub.collector.store.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The collector's two real stores, as the collector's own tests reach them: SQLite in the test's
 * directory; PostgreSQL at {@code TEST_JDBC_URL} (CI's Debian server) or else an embedded
 * PostgreSQL 14 started once per test JVM, each test in a fresh schema.
 */
public final class CollectorDatabases {
    public static final String SQLITE = "sqlite";
    public static final String POSTGRESQL = "postgresql";

    private static EmbeddedPostgres embedded;

    private CollectorDatabases() {
    }

    /** A JDBC URL of an empty collector database of {@code kind}. */
    public static String url(String kind, Path dir) {
        return switch (kind) {
            case SQLITE -> Database.sqliteUrl(dir.resolve("collector-data"));
            case POSTGRESQL -> freshSchema(postgresUrl());
            default -> throw new IllegalArgumentException("no collector store kind " + kind + " (sqlite, postgresql)");
        };
    }

    private static synchronized String postgresUrl() {
        String url = System.getenv("TEST_JDBC_URL");
        if (url != null && !url.isBlank()) {
            return url;
        }
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("the embedded PostgreSQL did not start (as root the test JVM must run "
                        + "under unshare -U, see docs/testing.md)", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is ending anyway
                }
            }));
        }
        return embedded.getJdbcUrl("postgres", "postgres");
    }

    private static String freshSchema(String base) {
        String schema = "st_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a schema at " + base.replaceAll("password=[^&]*", "password=***"), e);
        }
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
