package bg.digiclub.systemtest.support;

import java.nio.file.Path;

import bg.digiclub.collector.store.Database;
import bg.digiclub.testsupport.TestPostgres;

/**
 * The collector's two real stores, as the collector's own tests reach them: SQLite in the test's
 * directory; PostgreSQL from the one bootstrap in test-support ({@link TestPostgres}: CI's server
 * or an embedded one shared by the test JVM), each test in a fresh schema.
 */
public final class CollectorDatabases {
    public static final String SQLITE = "sqlite";
    public static final String POSTGRESQL = "postgresql";

    private CollectorDatabases() {}

    /** A JDBC URL of an empty collector database of {@code kind}. */
    public static String url(String kind, Path dir) {
        return switch (kind) {
            case SQLITE -> Database.sqliteUrl(dir.resolve("collector-data"));
            case POSTGRESQL -> TestPostgres.freshSchemaUrl("st_");
            default -> throw new IllegalArgumentException("no collector store kind " + kind + " (sqlite, postgresql)");
        };
    }
}
