package bg.digiclub.collector.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import picocli.CommandLine.Option;

import bg.digiclub.collector.store.Database;
import bg.digiclub.common.config.ConfigProperties;
import bg.digiclub.common.config.RenamedKeys;

/**
 * Where the configuration and the data live; shared by every command. Every value comes from
 * the command line, else its environment variable ({@code DIGICLUB_DB_URL} for key
 * {@code db.url}), else the file of {@code --config}, else its default. The database password
 * never needs the command line: {@code db.password} in the file (readable by the collector's
 * account only), {@code DIGICLUB_DB_PASSWORD}, or a password file.
 */
public final class DatabaseOptions {
    /** The keys {@code serve} reads; the other commands leave them to it. */
    static final List<String> SERVE_PREFIXES = List.of("server.", "intake.", "report.", "metrics.", "api.");

    static final String DATA_DIR = "data-dir";
    static final String DB_URL = "db.url";
    static final String DB_PASSWORD_FILE = "db.password-file";
    static final String DB_PASSWORD = "db.password";
    private static final String DEFAULT_DATA_DIR = "collector-data";
    private static final String NO_FILE = "(no --config file)";

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "The collector's configuration file (e.g. /etc/digiclub/collector.properties): every option "
                    + "of the command line as a key, and the database password; the command line wins over it.")
    Path configFile;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Directory of the SQLite database (default: " + DEFAULT_DATA_DIR + "); unused with --db-url. "
                    + "Key data-dir, env DIGICLUB_DATA_DIR.")
    Path dataDir;

    @Option(
            names = "--db-url",
            paramLabel = "JDBC_URL",
            description = "A database URL instead of SQLite in --data-dir, e.g. "
                    + "jdbc:postgresql://localhost/digiclub?user=digiclub; key db.url, env DIGICLUB_DB_URL. Give the "
                    + "password in the --config file or with --db-password-file: a URL on the command line is visible "
                    + "to every account (ps).")
    String dbUrl;

    @Option(
            names = "--db-password-file",
            paramLabel = "FILE",
            description = "The PostgreSQL password: the file's first line (e.g. a systemd credential, "
                    + "readable by the collector's account only); key db.password-file, env DIGICLUB_DB_PASSWORD_FILE.")
    Path passwordFile;

    private static final Pattern PASSWORD_IN_URL = Pattern.compile("[?&]password=", Pattern.CASE_INSENSITIVE);

    private ConfigProperties configuration;

    /** The file of {@code --config} (none: every key at its default) under the {@code DIGICLUB_*} variables. */
    public ConfigProperties configuration() {
        if (configuration == null) {
            configuration = read(Optional.ofNullable(configFile), System.getenv());
        }
        return configuration;
    }

    /** Reads the configuration file, if any, and lays the environment over it; warns of old key names. */
    static ConfigProperties read(Optional<Path> file, Map<String, String> environment) {
        ConfigProperties c = file.map(f -> ConfigProperties.load(f, RenamedKeys.COLLECTOR))
                .orElseGet(() -> ConfigProperties.empty(NO_FILE));
        c.warnings().forEach(w -> System.err.println("warning: " + w));
        return c.withEnvironment(environment);
    }

    /** The database's settings, from the command line over the configuration. */
    DatabaseSettings settings(ConfigProperties c) {
        Optional<Path> fileDataDir = c.path(DATA_DIR);
        Optional<String> fileUrl = c.string(DB_URL);
        Path dir = Optional.ofNullable(dataDir).or(() -> fileDataDir).orElse(Path.of(DEFAULT_DATA_DIR));
        String url = dbUrl != null && !dbUrl.isBlank() ? dbUrl : fileUrl.orElseGet(() -> Database.sqliteUrl(dir));
        return new DatabaseSettings(url, password(c));
    }

    /** Opens the database; the keys of {@code serve} are left to it. */
    public Database open() {
        return open(false);
    }

    /**
     * Opens the database.
     *
     * @param serveKeysRead whether {@code serve} has read its keys: then every other key of the file
     *                      is a misspelling; else the keys of {@link #SERVE_PREFIXES} are left unchecked
     */
    Database open(boolean serveKeysRead) {
        ConfigProperties c = configuration();
        DatabaseSettings settings = settings(c);
        if (!serveKeysRead) {
            SERVE_PREFIXES.forEach(c::keysStartingWith);
        }
        c.rejectUnknownKeys();
        if (dbUrl != null && PASSWORD_IN_URL.matcher(dbUrl).find()) {
            System.err.println("warning: --db-url holds a password, which every account on this server can read "
                    + "(ps); use db.password in the --config file, --db-password-file or DIGICLUB_DB_URL instead");
        }
        return Database.open(settings.url(), settings.password());
    }

    /**
     * The password: from {@code --db-password-file}, else the file of {@code db.password-file}, else
     * {@code db.password} (each key also from its environment variable); null if none is given.
     */
    String password(ConfigProperties c) {
        Optional<Path> configuredFile = c.path(DB_PASSWORD_FILE);
        Optional<String> configured = c.string(DB_PASSWORD);
        if (passwordFile != null) {
            return firstLine(
                    passwordFile,
                    what -> new IllegalArgumentException("--db-password-file " + passwordFile + ": " + what));
        }
        if (configuredFile.isPresent()) {
            Path file = configuredFile.get();
            return firstLine(file, what -> c.problem(DB_PASSWORD_FILE, file + ": " + what));
        }
        if (configured.isPresent()) {
            warnIfOthersCanRead(c);
            return configured.get();
        }
        return null;
    }

    private static String firstLine(Path file, Function<String, RuntimeException> error) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            RuntimeException failure = error.apply("cannot be read: " + e.getMessage());
            failure.initCause(e);
            throw failure;
        }
        String password = text.lines().findFirst().orElse("");
        if (password.isEmpty()) {
            throw error.apply("the first line is empty");
        }
        return password;
    }

    /** A password in the configuration file is only as secret as the file. */
    private void warnIfOthersCanRead(ConfigProperties c) {
        if (configFile == null || System.getenv(ConfigProperties.environmentName(DB_PASSWORD)) != null) {
            return;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(configFile);
            if (permissions.contains(PosixFilePermission.OTHERS_READ)
                    || permissions.contains(PosixFilePermission.GROUP_READ)) {
                System.err.println("warning: " + c.source() + " holds " + DB_PASSWORD
                        + " and other accounts can read it; " + "chmod 600 it (owned by the collector's account)");
            }
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: nothing to check
        }
    }

    /**
     * The database to open.
     *
     * @param url      the JDBC URL
     * @param password the password, or null when the URL needs none
     */
    record DatabaseSettings(String url, String password) {
        DatabaseSettings {
            Objects.requireNonNull(url, "url");
        }

        @Override
        public String toString() {
            return "DatabaseSettings[url=" + url + ", password=" + (password == null ? "none" : "(given)") + "]";
        }
    }
}
