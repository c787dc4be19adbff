package bg.digiclub.agent.visitor;

import static bg.digiclub.testsupport.Patience.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.common.link.WipeStepResult;

/** Ending the visitor's programs by account, against programs that fork to get away. Runs as root. */
class VisitorProcessesTest {
    @TempDir
    Path dir;

    private PosixAccount account;
    private AccountProcesses processes;

    @BeforeEach
    void setUp() throws Exception {
        account = TestAccount.get();
        processes = new AccountProcesses(account);
        TestAccount.traversable(dir);
        // nothing of an earlier, interrupted run left to muddle the counts
        assertTrue(processes.endAll().ok());
    }

    @AfterEach
    void tearDown() {
        processes.endAll();
    }

    @Test
    void endsAProgramThatForksEvery10msAndAPhoenixThatChangesItsPid() throws Exception {
        // The forker starts a child every 10 ms (children double-fork away: reparented to pid 1).
        // The phoenix starts its successor and exits every 10 ms: no pid lives long enough to be signalled by pid.
        Path phoenix = Files.writeString(dir.resolve("phoenix.sh"), "sleep 0.01; sh \"$0\" & exit 0\n");
        Files.setPosixFilePermissions(phoenix, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        TestAccount.startAs(account, dir, "while :; do (sleep 30 &) ; sleep 0.01; done");
        TestAccount.startAs(account, dir, "sh " + phoenix);
        TestAccount.startAs(account, dir, "trap '' TERM HUP INT; exec sleep 300");
        awaitAtLeast(10);

        WipeStepResult result = processes.endAll();

        assertTrue(result.ok(), result.toString());
        assertEquals(VisitorAccount.PROCESSES_STEP, result.step());
        assertTrue(result.detail().startsWith("ended "), result.detail());
        assertEquals(0, processes.count(), "left right after");
        // would anything grow back? none seen at any poll during a whole second after
        await("no process of the account for 1 s")
                .during(Duration.ofSeconds(1))
                .failFast("a process of the account appeared within 1 s after", () -> processes.count() != 0)
                .until(() -> processes.count() == 0);
    }

    @Test
    void nothingRunningIsOk() {
        WipeStepResult result = processes.endAll();

        assertTrue(result.ok(), result.toString());
        assertTrue(result.detail().contains("no programs"), result.detail());
    }

    @Test
    void aProcessThatWillNotGoIsReportedWithHowManyAreLeft() throws Exception {
        // A /proc where one process of the account never goes away, as one stuck in the kernel would.
        Path proc = Files.createDirectories(dir.resolve("proc/4242"));
        Files.write(
                proc.resolve("status"),
                List.of(
                        "Name:\tstuck",
                        "State:\tD (disk sleep)",
                        "Uid:\t" + account.uid() + "\t" + account.uid() + "\t" + account.uid() + "\t" + account.uid()));

        WipeStepResult result = new AccountProcesses(account, dir.resolve("proc")).endAll();

        assertFalse(result.ok());
        assertEquals(
                "1 process of " + account.name() + " still running after " + AccountProcesses.ROUNDS
                        + " rounds of kill -KILL -1",
                result.detail());
    }

    @Test
    void statusParsingCountsRealOrSavedUidAndSkipsZombies() {
        List<String> running = List.of(
                "Name:\tchromium",
                "Umask:\t0077",
                "State:\tS (sleeping)",
                "Tgid:\t812",
                "Uid:\t996\t996\t996\t996",
                "Gid:\t994\t994\t994\t994");
        List<String> zombie = List.of("Name:\tsleep", "State:\tZ (zombie)", "Uid:\t996\t996\t996\t996");
        List<String> setuidStartedByVisitor = List.of("Name:\tpasswd", "State:\tS (sleeping)", "Uid:\t996\t0\t0\t0");
        List<String> someoneElse = List.of("Name:\tjava", "State:\tS (sleeping)", "Uid:\t0\t0\t0\t0");

        assertTrue(AccountProcesses.isLiveProcessOf(running, 996));
        assertFalse(AccountProcesses.isLiveProcessOf(zombie, 996));
        assertTrue(AccountProcesses.isLiveProcessOf(setuidStartedByVisitor, 996));
        assertFalse(AccountProcesses.isLiveProcessOf(someoneElse, 996));
        assertFalse(AccountProcesses.isLiveProcessOf(running, 995));
    }

    /** Waits until the account has at least {@code n} processes (the forker's children pile up; the phoenix's come and go). */
    private void awaitAtLeast(int n) {
        await("at least " + n + " processes of the account (the test's programs started)")
                .until(() -> processes.count() >= n);
    }
}
