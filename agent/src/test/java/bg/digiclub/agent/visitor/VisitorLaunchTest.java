package bg.digiclub.agent.visitor;

import static bg.digiclub.testsupport.Patience.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting a program as the visitor. Runs as root. */
class VisitorLaunchTest {
    /** Writes what the program sees into its home, then renames it into place (complete when seen). */
    private static final String REPORT = String.join(
            "; ",
            "{ echo \"pid=$$\"; echo \"cwd=$(pwd)\"; echo \"uid=$(id -u)\"; echo \"gid=$(id -g)\"; echo \"groups=$(id -G)\"",
            "echo \"stdin=$(readlink /proc/self/fd/0)\"",
            "echo \"sid=$(cut -d' ' -f6 /proc/$$/stat)\"",
            "echo \"fds=$(ls -l /proc/$$/fd/ | tr '\\n' ' ')\"",
            "env | sed 's/^/env:/'; } > \"$HOME/.report.tmp\"",
            "mv \"$HOME/.report.tmp\" \"$HOME/report\"");

    @TempDir
    Path dir;

    private PosixAccount account;
    private Path home;
    private LinuxVisitorAccount visitor;

    @BeforeEach
    void setUp() throws Exception {
        account = TestAccount.get();
        TestAccount.traversable(dir);
        home = Files.createDirectory(dir.resolve("home"));
        Files.setAttribute(home, "unix:uid", account.uid());
        Files.setAttribute(home, "unix:gid", account.gid());
        Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        visitor = new LinuxVisitorAccount(
                account,
                home,
                Files.createDirectory(dir.resolve("template")),
                List.of(),
                List.of(),
                new LinuxVisitorAccount.Environment("/usr/bin:/bin", "bg_BG.UTF-8", true),
                true);
    }

    @AfterEach
    void tearDown() {
        visitor.endProcesses();
    }

    @Test
    void startsAsTheVisitorInItsHomeWithACleanEnvironmentAndIsReaped() throws Exception {
        // a file the agent holds open (as it holds agent.db) must not be handed to the visitor's program
        Path secret = Files.writeString(dir.resolve("agent-secret.db"), "x");
        try (java.nio.channels.FileChannel held = java.nio.channels.FileChannel.open(secret)) {
            visitor.launch(
                    List.of("sh", "-c", REPORT), Map.of("DISPLAY", ":7", "XAUTHORITY", "/run/digiclub/visitor.xauth"));
            awaitReport();
        }

        Map<String, String> seen = awaitReport();
        assertEquals(home.toString(), seen.get("cwd"));
        assertEquals(Integer.toString(account.uid()), seen.get("uid"));
        assertEquals(Integer.toString(account.gid()), seen.get("gid"));
        assertEquals(Integer.toString(account.gid()), seen.get("groups"), "the account's groups only, none of root's");
        assertEquals("/dev/null", seen.get("stdin"));
        assertEquals(seen.get("pid"), seen.get("sid"), "a session of its own: no terminal of the agent's to type into");
        assertTrue(seen.get("fds").contains("/dev/null"), seen.get("fds"));
        assertFalse(
                seen.get("fds").contains("agent-secret.db"), "a descriptor of the agent's leaked: " + seen.get("fds"));
        Map<String, String> env = new HashMap<>();
        seen.forEach((k, v) -> {
            if (k.startsWith("env:")) {
                env.put(k.substring(4), v);
            }
        });
        assertEquals(home.toString(), env.get("HOME"));
        assertEquals(account.name(), env.get("USER"));
        assertEquals(account.name(), env.get("LOGNAME"));
        assertEquals("/usr/bin:/bin", env.get("PATH"));
        assertEquals("bg_BG.UTF-8", env.get("LANG"));
        assertEquals(":7", env.get("DISPLAY"));
        assertEquals("/run/digiclub/visitor.xauth", env.get("XAUTHORITY"));
        // what the shell adds itself (PWD, SHLVL, _) aside, nothing of the agent's environment
        Set<String> expected = Set.of(
                "HOME", "USER", "LOGNAME", "PATH", "LANG", "DISPLAY", "XAUTHORITY", "PWD", "SHLVL", "_", "OLDPWD");
        assertTrue(expected.containsAll(env.keySet()), env.keySet().toString());
        // reaped: once it has exited its pid is gone from /proc, not left as a zombie
        Path proc = Path.of("/proc", seen.get("pid"));
        await("the program's process gone from /proc").until(() -> !Files.exists(proc));
        assertFalse(Files.exists(proc), "the program's process is still in /proc (a zombie?)");
    }

    @Test
    void theConfiguredUntrustedCookieIsTheProgramsXauthorityWhateverTheCallerSays() throws Exception {
        Path cookie = Files.writeString(dir.resolve("visitor.xauth"), "cookie");
        LinuxVisitorAccount withCookie = new LinuxVisitorAccount(
                account,
                home,
                dir,
                List.of(),
                List.of(),
                new LinuxVisitorAccount.Environment("/usr/bin:/bin", "C", false, cookie),
                true);

        Map<String, String> env = withCookie
                .launchCommand(
                        List.of("xterm"), Map.of("DISPLAY", ":0", "XAUTHORITY", "/run/digiclub-session/kiosk.xauth"))
                .environment();
        assertEquals(cookie.toString(), env.get("XAUTHORITY"), "a caller must not hand the visitor a trusted cookie");
        assertEquals(":0", env.get("DISPLAY"));
        assertEquals(
                cookie.toString(),
                withCookie
                        .launchCommand(List.of("xterm"), Map.of("DISPLAY", ":0"))
                        .environment()
                        .get("XAUTHORITY"));

        withCookie.launch(List.of("sh", "-c", REPORT), Map.of("DISPLAY", ":0"));
        Map<String, String> seen = awaitReport();
        assertEquals(cookie.toString(), seen.get("env:XAUTHORITY"));
        withCookie.endProcesses();
    }

    @Test
    void withoutACookieConfiguredNoXauthorityIsAdded() {
        assertFalse(visitor.launchCommand(List.of("xterm"), Map.of("DISPLAY", ":0"))
                .environment()
                .containsKey("XAUTHORITY"));
    }

    @Test
    void refusesAnythingButDisplayVariablesAndOddArguments() {
        assertThrows(
                IllegalArgumentException.class,
                () -> visitor.launch(List.of("true"), Map.of("LD_PRELOAD", "/tmp/x.so")));
        assertThrows(IllegalArgumentException.class, () -> visitor.launch(List.of(), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> visitor.launch(List.of("--help"), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> visitor.launch(List.of("echo", "a\0b"), Map.of()));
    }

    @Test
    void withoutSupplementaryGroupsSetprivClearsThem() {
        LinuxVisitorAccount noGroups = new LinuxVisitorAccount(
                account,
                home,
                dir,
                List.of(),
                List.of(),
                new LinuxVisitorAccount.Environment("/usr/bin", "C", false),
                true);

        List<String> command =
                noGroups.launchCommand(List.of("firefox"), Map.of()).command();

        assertEquals(
                List.of(
                        "setsid",
                        "setpriv",
                        "--reuid=" + account.uid(),
                        "--regid=" + account.gid(),
                        "--clear-groups",
                        "--",
                        "firefox"),
                command);
    }

    private Map<String, String> awaitReport() throws Exception {
        Path report = home.resolve("report");
        await("the program's report").until(() -> Files.exists(report));
        assertTrue(Files.exists(report), "the program did not write its report");
        Map<String, String> seen = new HashMap<>();
        for (String line : Files.readAllLines(report)) {
            int eq = line.indexOf('=', line.startsWith("env:") ? 4 : 0);
            if (eq > 0) {
                seen.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return seen;
    }
}
