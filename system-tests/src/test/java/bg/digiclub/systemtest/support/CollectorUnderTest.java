package bg.digiclub.systemtest.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine;

import bg.digiclub.collector.CollectorMain;
import bg.digiclub.collector.auth.Secrets;
import bg.digiclub.collector.server.CollectorServer;
import bg.digiclub.collector.server.ServerSettings;
import bg.digiclub.collector.store.ClubStore;
import bg.digiclub.collector.store.Database;
import bg.digiclub.testsupport.TestClock;

/**
 * The municipality's collector, for real: {@link CollectorServer} on an ephemeral loopback port
 * over its real database (SQLite in the test's directory, or PostgreSQL), driven by the shared
 * simulated clock. Clubs and dashboard accounts are made with the collector's own command line
 * (run in this JVM, against the same database), as the municipality's IT would.
 */
public final class CollectorUnderTest implements AutoCloseable {
    private static final Pattern PASSWORD = Pattern.compile("password: (\\S+)");

    private final String jdbcUrl;
    private final TestClock clock;
    private Database database;
    private CollectorServer server;

    public CollectorUnderTest(String kind, Path dir, TestClock clock) {
        this.jdbcUrl = CollectorDatabases.url(kind, dir);
        this.clock = clock;
        start();
    }

    /** Starts (or restarts) the server on a new free port over the same database. */
    public void start() {
        if (server != null) {
            throw new IllegalStateException("the collector is already running");
        }
        database = Database.open(jdbcUrl);
        // the default rate limits; cheap password hashing is not needed: accounts come from the CLI
        server = CollectorServer.start(ServerSettings.defaults("127.0.0.1", 0), database, clock);
    }

    /** Stops the server and closes its database, as when the municipality's server goes down. */
    public void stop() {
        server.close();
        database.close();
        server = null;
        database = null;
    }

    public boolean running() {
        return server != null;
    }

    /** The running collector's database, for the report's own queries (as the server reads it). */
    public Database database() {
        if (database == null) {
            throw new IllegalStateException("the collector is stopped");
        }
        return database;
    }

    public int port() {
        return server.port();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /**
     * Runs {@code digiclub-collector <args> --db-url <this database>} and returns what it printed.
     *
     * @throws AssertionError if it exits with anything but 0
     */
    public String cli(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.add("--db-url");
        all.add(jdbcUrl);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        int status;
        synchronized (CollectorUnderTest.class) {
            try {
                System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
                CommandLine cli = new CommandLine(CollectorMain.class);
                cli.setCaseInsensitiveEnumValuesAllowed(true);
                cli.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
                status = cli.execute(all.toArray(String[]::new));
            } finally {
                System.setOut(stdout);
            }
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        if (status != 0) {
            throw new AssertionError("digiclub-collector " + String.join(" ", args) + " exited " + status + ": "
                    + printed + err.toString(StandardCharsets.UTF_8));
        }
        return printed;
    }

    /** {@code club add}. */
    public void addClub(String id, String name, String place) {
        cli("club", "add", "--id", id, "--name", name, "--place", place);
    }

    /** {@code user add} without a password: the CLI generates one and prints it; returned here. */
    public String addUser(String username, String role, String club) {
        String printed = club == null
                ? cli("user", "add", "--username", username, "--role", role)
                : cli("user", "add", "--username", username, "--role", role, "--club", club);
        Matcher m = PASSWORD.matcher(printed);
        if (!m.find()) {
            throw new AssertionError("user add printed no password: " + printed);
        }
        return m.group(1);
    }

    /**
     * A club's enrolment code, made as {@code code create} makes it (a new random code, only its
     * hash stored, 7 days, 10 uses) but at the simulated time: the command itself reads the wall
     * clock, which the simulated club's dates are not.
     */
    public String newEnrolmentCode(String club) throws SQLException {
        String code = new Secrets().newEnrolmentCode();
        new ClubStore(database)
                .addEnrolmentCode(
                        club, Secrets.hashCode(code), clock.instant().plus(Duration.ofDays(7)), 10, clock.instant());
        return code;
    }

    /** A single number from the collector's tables (null as 0). */
    public long number(String sql, Object... params) throws SQLException {
        Database db = database != null ? database : Database.open(jdbcUrl);
        try {
            return db.read(c -> {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    for (int i = 0; i < params.length; i++) {
                        s.setObject(i + 1, params[i]);
                    }
                    try (ResultSet r = s.executeQuery()) {
                        return r.next() ? r.getLong(1) : 0L;
                    }
                }
            });
        } finally {
            if (db != database) {
                db.close();
            }
        }
    }

    /** Rows of the collector's tables, each as its columns' text. */
    public List<List<String>> rows(String sql, Object... params) throws SQLException {
        return database.read(c -> {
            List<List<String>> rows = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    s.setObject(i + 1, params[i]);
                }
                try (ResultSet r = s.executeQuery()) {
                    int n = r.getMetaData().getColumnCount();
                    while (r.next()) {
                        List<String> row = new ArrayList<>();
                        for (int i = 1; i <= n; i++) {
                            row.add(r.getString(i));
                        }
                        rows.add(row);
                    }
                }
            }
            return rows;
        });
    }

    @Override
    public void close() {
        if (server != null) {
            stop();
        }
    }
}
