package bg.digiclub.collector.testing;

import java.nio.file.Path;
import java.util.stream.Stream;

import bg.digiclub.collector.store.Database;
import bg.digiclub.testsupport.TestPostgres;

/**
 * The two real databases the collector runs on. SQLite is a file in the test's temporary
 * directory. PostgreSQL is the server named by the environment variable {@code TEST_JDBC_URL}
 * (CI's Debian PostgreSQL) or else an embedded PostgreSQL started once per test JVM; every
 * test gets its own fresh schema in it ({@link TestPostgres}, the one bootstrap of every module's tests).
 */
public final class TestDatabases {
    private TestDatabases() {}

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
            case "postgresql" -> TestPostgres.freshSchemaUrl("t_");
            default -> throw new IllegalArgumentException("no store kind " + kind);
        };
    }
}
