package bg.digiclub.collector.bench;

import java.nio.file.Path;

import bg.digiclub.collector.store.Database;
import bg.digiclub.collector.testing.TestDatabases;

/** Where a benchmark stores: SQLite in a directory, or PostgreSQL (TEST_JDBC_URL, --jdbc, or embedded). */
final class BenchDatabases {
    private BenchDatabases() {}

    static Database open(String store, String jdbc, Path dir) {
        if (store.equals("sqlite")) {
            return Database.open(Database.sqliteUrl(dir));
        }
        if (jdbc != null) {
            return Database.open(jdbc);
        }
        return Database.open(TestDatabases.url("postgresql", dir));
    }

    static String load() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
