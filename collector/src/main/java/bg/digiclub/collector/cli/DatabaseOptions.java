package bg.digiclub.collector.cli;

import bg.digiclub.collector.store.Database;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the data lives; shared by every command. */
public final class DatabaseOptions {
    @Option(names = "--data-dir", defaultValue = "collector-data", paramLabel = "DIR",
            description = "Directory of the SQLite database (default: ${DEFAULT-VALUE}); unused with --db-url.")
    Path dataDir;

    @Option(names = "--db-url", paramLabel = "JDBC_URL",
            description = "A database URL instead of SQLite in --data-dir, e.g. "
                    + "jdbc:postgresql://localhost/digiclub?user=digiclub&password=...; env DIGICLUB_DB_URL.")
    String dbUrl;

    /** The JDBC URL to use: --db-url, else DIGICLUB_DB_URL, else SQLite in --data-dir. */
    public String url() {
        if (dbUrl != null && !dbUrl.isBlank()) {
            return dbUrl;
        }
        String env = System.getenv("DIGICLUB_DB_URL");
        if (env != null && !env.isBlank()) {
            return env;
        }
        return Database.sqliteUrl(dataDir);
    }

    public Database open() {
        return Database.open(url());
    }
}
