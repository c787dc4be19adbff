package bg.digiclub.collector.testing;

import bg.digiclub.collector.store.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The two real databases the collector runs on. SQLite is a file in the test's temporary
 * directory. PostgreSQL is the server named by the environment variable {@code TEST_JDBC_URL}
 * (CI's Debian PostgreSQL) or else an embedded PostgreSQL 14 started once per test JVM; every
 * test gets its own fresh schema in it.
 */
public final class TestDatabases {
    private static EmbeddedPostgres embedded;

    private TestDatabases() {
    }

    /** The store kinds, for {@code @MethodSource}. */
    public static Stream<String> kinds() {
        return Stream.of("sqlite", "postgresql");
    }

    public static Database open(String kind, Path tempDir) {
        return Database.open(url(kind, tempDir));
    }

    /** A JDBC URL of an empty database of that kind. */
    public static String url(String kind, Path tempDir) {
        return switch (kind) {
            case "sqlite" -> Database.sqliteUrl(tempDir.resolve("db"));
            case "postgresql" -> freshSchema(postgresUrl());
            default -> throw new IllegalArgumentException("no store kind " + kind);
        };
    }

    /** The server's base URL: TEST_JDBC_URL, or the embedded server's. */
    public static synchronized String postgresUrl() {
        String url = System.getenv("TEST_JDBC_URL");
        if (url != null && !url.isBlank()) {
            return url;
        }
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().setServerConfig("fsync", "on").start();
            } catch (IOException e) {
                throw new UncheckedIOException("the embedded PostgreSQL did not start", e);
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
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test schema at " + base.replaceAll("password=[^&]*", "password=***"), e);
        }
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
