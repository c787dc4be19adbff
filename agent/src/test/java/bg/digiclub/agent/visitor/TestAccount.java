package bg.digiclub.agent.visitor;

import static bg.digiclub.testsupport.Patience.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import bg.digiclub.testsupport.AccountLease;

/**
 * The OS account the visitor tests run as, created on first use ({@code useradd --system
 * --no-create-home}; the tests run as root, here and in CI), and shell helpers around it.
 */
final class TestAccount {
    static final String NAME = "digiclub-visitor-test";

    private TestAccount() {}

    /**
     * The test account, created if missing; this JVM's alone until it ends ({@link AccountLease}:
     * the tests end every program of the account, which would end another build's on this machine).
     */
    static synchronized PosixAccount get() throws IOException, InterruptedException {
        assertEquals(
                "root",
                System.getProperty("user.name"),
                "the visitor tests create an account and switch to it: run them as root");
        AccountLease.hold(NAME);
        if (PosixAccount.lookup(NAME).isEmpty()) {
            // exit 9: made meanwhile by a parallel run; fine
            int rc = run(List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", NAME));
            if (rc != 0 && rc != 9) {
                throw new IOException("useradd " + NAME + " exited with " + rc);
            }
        }
        return PosixAccount.lookup(NAME).orElseThrow();
    }

    /** A @TempDir made traversable (0755): the account has to reach the home inside it. */
    static Path traversable(Path dir) throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }

    /** Runs {@code sh -c script} as the account, in {@code cwd}, and waits; fails on a non-zero exit. */
    static void shAs(PosixAccount account, Path cwd, String script) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(asAccount(account));
        command.addAll(List.of("sh", "-euc", script));
        Process p = new ProcessBuilder(command)
                .directory(cwd.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("as " + account.name() + ": " + script + " failed: " + out);
        }
    }

    /**
     * Starts {@code sh -c script} as the account and returns once it runs as the account, not
     * waiting for it to end. It starts as root in setpriv: until setpriv has switched, ending the
     * account's programs cannot reach it, and it would become the account's afterwards.
     */
    static Process startAs(PosixAccount account, Path cwd, String script) throws IOException {
        List<String> command = new ArrayList<>(asAccount(account));
        command.addAll(List.of("sh", "-c", script));
        Process p = new ProcessBuilder(command)
                .directory(cwd.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Path status = Path.of("/proc", Long.toString(p.pid()), "status");
        await("the program started as " + account.name() + " runs as it (setpriv has switched)")
                .until(() -> !p.isAlive() || runsAs(status, account));
        return p;
    }

    /** True if {@code /proc/<pid>/status} gives the account's uid as the real uid (false if gone). */
    private static boolean runsAs(Path status, PosixAccount account) throws IOException {
        try {
            return Files.readAllLines(status).stream()
                    .filter(line -> line.startsWith("Uid:"))
                    .anyMatch(line -> line.substring(4).strip().split("\\s+")[0].equals(Long.toString(account.uid())));
        } catch (NoSuchFileException gone) {
            return false;
        }
    }

    /** Waits for a file a program started with {@link #startAs} makes once it runs as the account. */
    static void awaitFile(Path file) {
        await(file + " to appear (made by the program once it runs as the account)")
                .until(() -> Files.exists(file, LinkOption.NOFOLLOW_LINKS));
    }

    static List<String> asAccount(PosixAccount account) {
        return List.of("setpriv", "--reuid=" + account.uid(), "--regid=" + account.gid(), "--clear-groups", "--");
    }

    static int run(List<String> command) throws IOException, InterruptedException {
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    static int uid(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    }

    static int gid(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS);
    }

    static int mode(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
    }
}
