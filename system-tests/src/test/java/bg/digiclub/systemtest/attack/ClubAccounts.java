package bg.digiclub.systemtest.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import bg.digiclub.testsupport.AccountLease;

/**
 * The accounts of a club PC (docs/security.md), created for real and idempotently: the group
 * and account {@code digiclub-kiosk}, and {@code digiclub-visitor} with its own home. Commands
 * run as an account through {@code setpriv}, with a clean environment and {@code /} as working
 * directory (the test's own directories are not the account's).
 */
final class ClubAccounts {
    /** The JUnit tag of the attack suite: its surefire execution runs as the real root. */
    static final String TAG = "attack";

    static final String KIOSK_GROUP = "digiclub-kiosk";
    static final String KIOSK = "digiclub-kiosk";
    static final String VISITOR = "digiclub-visitor";
    static final Path VISITOR_HOME = Path.of("/home", VISITOR);
    /** The group that reads the agent's node_exporter textfile (the installer's, docs/operations.md). */
    static final String METRICS_GROUP = "digiclub-metrics";
    /** node_exporter's account, made by Debian's prometheus-node-exporter (its unit: {@code User=prometheus}). */
    static final String NODE_EXPORTER = "prometheus";

    /** An OS account: name, uid and primary gid. */
    record Account(String name, int uid, int gid) {}

    /** What a command printed (stdout and stderr together) and how it exited. */
    record Result(int exit, String output) {}

    private ClubAccounts() {}

    /** Fails clearly unless the test runs as root: everything here switches accounts. */
    static void assertRoot(Path anyOwnFile) throws IOException {
        assertEquals(
                0,
                ((Number) Files.getAttribute(anyOwnFile, "unix:uid")).intValue(),
                "the attack suite creates accounts and switches to them with setpriv: it must run as the real root"
                        + " (its own surefire execution, not the user namespace of the other system tests)");
    }

    static synchronized Account kiosk() throws Exception {
        if (!exists("getent", "group", KIOSK_GROUP)) {
            tolerateExisting(run(List.of("groupadd", "--system", KIOSK_GROUP)));
        }
        if (!exists("id", "-u", KIOSK)) {
            tolerateExisting(run(List.of(
                    "useradd",
                    "--system",
                    "--gid",
                    KIOSK_GROUP,
                    "--no-create-home",
                    "--home-dir",
                    "/nonexistent",
                    "--shell",
                    "/usr/sbin/nologin",
                    KIOSK)));
        }
        return lookUp(KIOSK);
    }

    /**
     * The visitor's account, for this JVM's tests alone from the first call until the JVM ends
     * ({@link AccountLease}: the agent ends every program of it, so two runs on one machine would
     * end each other's programs).
     */
    static synchronized Account visitor() throws Exception {
        AccountLease.hold(VISITOR);
        if (!exists("id", "-u", VISITOR)) {
            tolerateExisting(run(List.of(
                    "useradd",
                    "--system",
                    "--user-group",
                    "--create-home",
                    "--home-dir",
                    VISITOR_HOME.toString(),
                    "--shell",
                    "/bin/sh",
                    VISITOR)));
        }
        Account visitor = lookUp(VISITOR);
        if (!Files.isDirectory(VISITOR_HOME)) {
            // an account made by someone else without a home: the visitor needs one to be reset
            Files.createDirectories(VISITOR_HOME);
            run(List.of("chown", visitor.uid() + ":" + visitor.gid(), VISITOR_HOME.toString()));
            run(List.of("chmod", "0700", VISITOR_HOME.toString()));
        }
        return visitor;
    }

    /**
     * node_exporter's account as the package made it, put in the group {@code digiclub-metrics} as
     * the installer does on a club PC (the group made if missing).
     */
    static synchronized Account nodeExporter() throws Exception {
        assertEquals(
                0,
                run(List.of("id", "-u", NODE_EXPORTER)).exit(),
                "no account " + NODE_EXPORTER
                        + ": Debian's prometheus-node-exporter makes it (scripts/test.sh installs it)");
        if (!exists("getent", "group", METRICS_GROUP)) {
            tolerateExisting(run(List.of("groupadd", "--system", METRICS_GROUP)));
        }
        Result groups = run(List.of("id", "-nG", NODE_EXPORTER));
        if (!List.of(groups.output().strip().split(" ")).contains(METRICS_GROUP)) {
            Result added = run(List.of("usermod", "--append", "--groups", METRICS_GROUP, NODE_EXPORTER));
            assertEquals(0, added.exit(), "usermod: " + added.output());
        }
        return lookUp(NODE_EXPORTER);
    }

    /**
     * A process builder that runs {@code command} as {@code account} with its supplementary groups,
     * as systemd's {@code User=} starts a service (clean environment, working directory {@code /}).
     */
    static ProcessBuilder builderAsService(Account account, List<String> command) {
        List<String> line = new ArrayList<>(
                List.of("setpriv", "--reuid=" + account.uid(), "--regid=" + account.gid(), "--init-groups", "--"));
        line.addAll(command);
        return builderAs(account, command).command(line);
    }

    /** Runs {@code command} as {@code account} and waits for it. */
    static Result runAs(Account account, String... command) throws Exception {
        return run(as(account, List.of(command)));
    }

    /** The command line that runs {@code command} as {@code account}. */
    static List<String> as(Account account, List<String> command) {
        List<String> line = new ArrayList<>(
                List.of("setpriv", "--reuid=" + account.uid(), "--regid=" + account.gid(), "--clear-groups", "--"));
        line.addAll(command);
        return line;
    }

    /** A process builder for {@link #as}: clean environment, working directory {@code /}. */
    static ProcessBuilder builderAs(Account account, List<String> command) {
        ProcessBuilder pb =
                new ProcessBuilder(as(account, command)).directory(Path.of("/").toFile());
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
        pb.environment().put("LANG", "C.UTF-8");
        pb.environment().put("HOME", account.name().equals(VISITOR) ? VISITOR_HOME.toString() : "/");
        return pb;
    }

    static Result run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }

    private static Account lookUp(String name) throws Exception {
        Result uid = run(List.of("id", "-u", name));
        Result gid = run(List.of("id", "-g", name));
        assertEquals(0, uid.exit(), "account " + name + ": " + uid.output());
        return new Account(
                name,
                Integer.parseInt(uid.output().strip()),
                Integer.parseInt(gid.output().strip()));
    }

    private static boolean exists(String... command) throws Exception {
        return run(List.of(command)).exit() == 0;
    }

    /** Another test (or another checkout's) may have made it a moment ago: exit 9 is "already exists". */
    private static void tolerateExisting(Result r) {
        if (r.exit() != 0 && r.exit() != 9) {
            throw new IllegalStateException("cannot create the account: " + r.output());
        }
    }
}
