package bg.digiclub.kiosk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import bg.digiclub.kiosk.platform.linux.ProcStat;

/**
 * Live test with real processes. Tests run as root on a shared machine, so the target is never
 * "every process of this user": it is this user's processes whose command line carries a random
 * marker only this test puts there (the sleep duration), so nothing else can be hit.
 */
@EnabledOnOs(OS.LINUX)
class UserSessionProcessesTest {
    private final String marker = "7000." + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killWhatIsLeft() {
        markerProcesses().forEach(ProcessHandle::destroyForcibly);
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void endsATreeIncludingADoubleForkedAndATermIgnoringProcess() throws Exception {
        start("sleep " + marker + " & sleep " + marker + " & wait");
        start("(sleep " + marker + " &) ; exit 0").waitFor();
        start("trap '' TERM; sleep " + marker + "; sleep " + marker);
        Process bystander = new ProcessBuilder("sleep", "7001").start();
        started.add(bystander);
        List<ProcessHandle> before = awaitMarkerProcesses(5);
        long orphans = before.stream().filter(p -> !isDescendantOfThisJvm(p)).count();
        assertTrue(orphans >= 1, "the double-forked sleep must have left the JVM's tree: " + describe(before));

        String me = ProcessHandle.current().info().user().orElseThrow();
        Predicate<ProcessSnapshot> mine = ProcessSelection.ownedBy(me).and(p -> p.commandLine().contains(marker));
        int ended = new UserSessionProcesses(new ProcessSelection(mine, Set.of()), ProcStat::exited).endAll(Duration.ofMillis(300));

        assertEquals(List.of(), describe(markerProcesses()), "no marked process may be left");
        assertTrue(ended >= before.size(), "ended " + ended + " of " + before.size());
        assertTrue(bystander.isAlive(), "a process outside the target must survive");
    }

    @Test
    void nothingToEndIsZero() {
        Predicate<ProcessSnapshot> none = p -> p.commandLine().contains(marker);
        assertEquals(0, new UserSessionProcesses(new ProcessSelection(none, Set.of()), ProcStat::exited).endAll(Duration.ZERO));
    }

    private Process start(String script) throws IOException {
        Process p = new ProcessBuilder("sh", "-c", script)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        started.add(p);
        return p;
    }

    private List<ProcessHandle> markerProcesses() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(marker))
                .collect(Collectors.toList());
    }

    /** Waits until at least {@code count} marked processes exist (shells start their children asynchronously). */
    private List<ProcessHandle> awaitMarkerProcesses(int count) throws InterruptedException {
        List<ProcessHandle> found = markerProcesses();
        for (int i = 0; i < 200 && found.size() < count; i++) {
            Thread.sleep(20);
            found = markerProcesses();
        }
        assertTrue(found.size() >= count, "expected " + count + " marked processes, found " + describe(found));
        return found;
    }

    private static boolean isDescendantOfThisJvm(ProcessHandle p) {
        long self = ProcessHandle.current().pid();
        return ProcessHandle.current().descendants().anyMatch(d -> d.pid() == p.pid()) || p.pid() == self;
    }

    private static List<String> describe(List<ProcessHandle> handles) {
        return handles.stream()
                .map(h -> h.pid() + " " + h.info().commandLine().orElse("?"))
                .collect(Collectors.toList());
    }

    @Test
    void negativeGraceIsRefused() {
        UserSessionProcesses processes = new UserSessionProcesses(new ProcessSelection(p -> false, Set.of()), ProcStat::exited);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> processes.endAll(Duration.ofSeconds(-1)));
        assertFalse(e.getMessage().isEmpty());
    }
}
