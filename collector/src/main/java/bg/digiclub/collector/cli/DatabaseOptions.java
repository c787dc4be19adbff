package bg.digiclub.collector.cli;

import bg.digiclub.collector.store.Database;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/** Where the data lives; shared by every command. */
public final class DatabaseOptions {
    @Option(names = "--data-dir", defaultValue = "collector-data", paramLabel = "DIR",
            description = "Directory of the SQLite database (default: ${DEFAULT-VALUE}); unused with --db-url.")
    Path dataDir;

    @Option(names = "--db-url", paramLabel = "JDBC_URL",
            description = "A database URL instead of SQLite in --data-dir, e.g. "
                    + "jdbc:postgresql://localhost/digiclub?user=digiclub; env DIGICLUB_DB_URL. Give the password "
                    + "with --db-password-file: a URL on the command line is visible to every account (ps).")
    String dbUrl;

    @Option(names = "--db-password-file", paramLabel = "FILE",
            description = "The PostgreSQL password: the file's first line (e.g. a systemd credential, "
                    + "readable by the collector's account only); env DIGICLUB_DB_PASSWORD_FILE.")
    Path passwordFile;

    private static final Pattern PASSWORD_IN_URL = Pattern.compile("[?&]password=", Pattern.CASE_INSENSITIVE);

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
        if (dbUrl != null && PASSWORD_IN_URL.matcher(dbUrl).find()) {
            System.err.println("warning: --db-url holds a password, which every account on this server can read "
                    + "(ps); use --db-password-file or DIGICLUB_DB_URL instead");
        }
        return Database.open(url(), password());
    }

    /** The password from --db-password-file or DIGICLUB_DB_PASSWORD_FILE; null if neither is given. */
    String password() {
        Path file = passwordFile;
        if (file == null) {
            String env = System.getenv("DIGICLUB_DB_PASSWORD_FILE");
            file = env == null || env.isBlank() ? null : Path.of(env);
        }
        if (file == null) {
            return null;
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("--db-password-file " + file + ": cannot be read: " + e.getMessage(), e);
        }
        String password = text.lines().findFirst().orElse("");
        if (password.isEmpty()) {
            throw new IllegalArgumentException("--db-password-file " + file + ": the first line is empty");
        }
        return password;
    }
}
