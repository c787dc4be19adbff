package bg.digiclub.systemtest.attack;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.awaitility.core.ConditionTimeoutException;
import org.sqlite.SQLiteConfig;

import bg.digiclub.support.sql.Rows;
import bg.digiclub.testsupport.Patience;

/**
 * The real agent ({@code agent/target/digiclub-agent.jar}, built by the reactor before this
 * module's tests) running as root in a process of its own, started as systemd would with the
 * usual umask 022 ({@code sh -c 'umask 022; exec java -jar ... run --config FILE'}). Its
 * configuration, data dir, log dir and socket live in the test's directory; the socket's
 * directory is owned {@code root:digiclub-kiosk} 0750 and only {@code digiclub-kiosk} is an
 * allowed peer, as on a club PC.
 *
 * <p>The agent's standard output (a copy of its log) is discarded so that a flood of requests
 * cannot fill the test's disk through it; its standard error goes to {@code agent.err}.
 */
final class AgentUnderAttack implements AutoCloseable {
    /**
     * The configuration key of the kiosk's heartbeat interval the agent's watchdog counts missed
     * heartbeats by (issue 9, the lead's session contract). Name to be confirmed at merge.
     */
    static final String HEARTBEAT_INTERVAL_KEY = "session.heartbeat-seconds";
    /**
     * The configuration that names the visitor's account whose processes the agent ends and
     * whose home it resets (issue 9, the visitor helper). Names to be confirmed at merge.
     */
    static final List<String> VISITOR_ACCOUNT_LINES = List.of("visitor.account = " + ClubAccounts.VISITOR);

    final Path dir;
    final Path dataDir;
    final Path logDir;
    final Path socket;
    final Path database;
    private final Path config;
    private final Path stderr;
    private Process process;

    /**
     * Writes the configuration; {@code extraLines} are added to it (keys of the new contract,
     * which today's agent would refuse as unknown, are passed only by the tests that need them).
     */
    AgentUnderAttack(Path dir, List<String> extraLines) throws Exception {
        this(dir, dir.resolve("agent-data"), dir.resolve("agent-logs"), extraLines);
    }

    /** With the data and log dirs elsewhere (on a small disk of their own). */
    AgentUnderAttack(Path dir, Path dataDir, Path logDir, List<String> extraLines) throws Exception {
        this.dir = dir;
        this.dataDir = dataDir;
        this.logDir = logDir;
        Path run = dir.resolve("run");
        this.socket = run.resolve("agent.sock");
        this.database = dataDir.resolve("agent.db");
        this.config = dir.resolve("agent.properties");
        this.stderr = dir.resolve("agent.err");
        ClubAccounts.assertRoot(dir);
        ClubAccounts.kiosk();
        // other accounts may pass through the test's directory, as through /var/lib on a PC:
        // what keeps them out must be the agent's own directories and files
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        // the socket's directory as the unit would make it (RuntimeDirectory): root:digiclub-kiosk 0750
        Files.createDirectories(run);
        ClubAccounts.run(List.of("chown", "root:" + ClubAccounts.KIOSK_GROUP, run.toString()));
        Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwxr-x---"));
        List<String> lines = new ArrayList<>(List.of(
                "data-dir = " + dataDir,
                "log-dir = " + logDir,
                "sampling.interval-seconds = 5",
                "sampling.smart = false",
                "link.socket = " + socket,
                "link.socket-group = " + ClubAccounts.KIOSK_GROUP,
                "link.allowed-users = " + ClubAccounts.KIOSK,
                "link.allowed-groups ="));
        lines.addAll(extraLines);
        Files.write(config, lines, StandardCharsets.UTF_8);
    }

    /** Starts the agent and waits (bounded) until its socket answers connections. */
    AgentUnderAttack start() throws Exception {
        Path jar = agentJar();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "umask 022; exec '" + java + "' -Xmx192m -XX:+UseSerialGC -jar '" + jar + "' run --config '"
                + config + "'";
        process = new ProcessBuilder("sh", "-c", command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile())
                .start();
        // ready once something listens on the socket and it is secured (group rw): not judged from
        // the log, which a full disk may keep from being written, nor from the socket file, which
        // a killed agent leaves behind
        awaitCondition(
                "the agent listens on " + socket, () -> !process.isAlive() || secured(socket) && listening(socket));
        if (!process.isAlive()) {
            fail("the agent stopped at start-up (exit " + process.exitValue() + "): " + diagnostics());
        }
        return this;
    }

    /** {@code agent staff-pin --stdin} as root, as the installer sets it; beside the running agent is fine (WAL). */
    void setStaffPin(String pin) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(
                        java, "-jar", agentJar().toString(), "staff-pin", "--config", config.toString(), "--stdin")
                .redirectErrorStream(true)
                .start();
        try (var in = p.getOutputStream()) {
            in.write((pin + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, "agent staff-pin: " + out);
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL, as a crash or a power cut leaves it. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(60, TimeUnit.SECONDS);
    }

    /** SIGTERM, as systemd stops it; SIGKILL if it does not stop. */
    @Override
    public void close() throws Exception {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(60, TimeUnit.SECONDS);
        }
    }

    /** The agent's standard error and the end of its log, for failure messages. */
    String diagnostics() {
        StringBuilder s = new StringBuilder();
        try {
            if (Files.exists(stderr)) {
                s.append("stderr: ").append(tail(Files.readString(stderr), 4000));
            }
            Path log = logDir.resolve("agent.log");
            if (Files.exists(log)) {
                s.append("\nagent.log: ").append(tail(Files.readString(log, StandardCharsets.ISO_8859_1), 4000));
            }
        } catch (IOException e) {
            s.append(e);
        }
        return s.toString();
    }

    /** Bytes of every file under {@code root} (0 if it does not exist). */
    static long bytesUnder(Path root) throws IOException {
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(p -> {
                        try {
                            return Files.size(p);
                        } catch (IOException e) {
                            return 0; // rolled away in between
                        }
                    })
                    .sum();
        }
    }

    /** One row of the agent's session ledger, read as root from its database. */
    record LedgerRow(
            String id,
            String kind,
            String memberCode,
            Instant startedAt,
            Instant endedAt,
            String endReason,
            Instant lastHeartbeatAt) {
        boolean open() {
            return endedAt == null;
        }
    }

    /**
     * Every session in the agent's ledger, read-only beside the running agent (WAL). The table is
     * the agent's {@code session} (migration V10); if the lead's contract changes it, this is the
     * one place to follow.
     */
    List<LedgerRow> ledger() throws SQLException {
        SQLiteConfig ro = new SQLiteConfig();
        ro.setReadOnly(true);
        ro.setBusyTimeout(10_000);
        List<LedgerRow> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database, ro.toProperties());
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT id, kind, member_code, started_at, ended_at, end_reason,"
                        + " last_heartbeat_at FROM session ORDER BY started_at")) {
            while (r.next()) {
                rows.add(new LedgerRow(
                        r.getString(1),
                        r.getString(2),
                        r.getString(3),
                        Rows.epochMilliOrNull(r, 4),
                        Rows.epochMilliOrNull(r, 5),
                        r.getString(6),
                        Rows.epochMilliOrNull(r, 7)));
            }
        }
        return rows;
    }

    /** Waits for {@code condition}; fails naming {@code what}, with the agent's diagnostics, after {@link Patience#LIMIT}. */
    void awaitCondition(String what, BooleanSupplier condition) {
        try {
            Patience.await(what).until(condition::getAsBoolean);
        } catch (ConditionTimeoutException e) {
            fail("gave up waiting: " + what + "\n" + diagnostics());
        }
    }

    private static boolean secured(Path socket) {
        try {
            return Files.exists(socket)
                    && Files.getPosixFilePermissions(socket).contains(PosixFilePermission.GROUP_WRITE);
        } catch (IOException e) {
            return false;
        }
    }

    /** Root is no allowed peer: the agent accepts and answers "forbidden", which is enough here. */
    private static boolean listening(Path socket) {
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(socket));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Rows in one of the agent's tables, read-only beside the running agent. */
    long rows(String table) throws SQLException {
        SQLiteConfig ro = new SQLiteConfig();
        ro.setReadOnly(true);
        ro.setBusyTimeout(10_000);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database, ro.toProperties());
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            return r.next() ? r.getLong(1) : 0;
        }
    }

    private static String tail(String s, int n) {
        return s.length() <= n ? s : "..." + s.substring(s.length() - n);
    }

    private static Path agentJar() {
        Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
        Path jar = module.resolveSibling("agent").resolve("target").resolve("digiclub-agent.jar");
        if (!Files.isRegularFile(jar)) {
            jar = module.getParent().resolve("agent").resolve("target").resolve("digiclub-agent.jar");
        }
        assertTrue(Files.isRegularFile(jar), "the agent's jar is built by the reactor before these tests: " + jar);
        return jar;
    }
}
