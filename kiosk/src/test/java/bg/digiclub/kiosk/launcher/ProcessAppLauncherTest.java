package bg.digiclub.kiosk.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Starts real programs (coreutils) as the configured apps. */
@EnabledOnOs(OS.LINUX)
class ProcessAppLauncherTest {
    @TempDir
    Path dir;

    private ProcessAppLauncher launcher;

    @AfterEach
    void endStartedApps() {
        if (launcher != null) {
            launcher.sessionProcesses().forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void tracksWhatItStartedInTheSession() throws Exception {
        AllowedApp sleeper = new AllowedApp("sleeper", "Сън", null, List.of("sleep", "7003"));
        launcher = new ProcessAppLauncher(List.of(sleeper));

        launcher.launch(sleeper);
        launcher.launch(sleeper);

        List<ProcessHandle> running = launcher.sessionProcesses();
        assertEquals(2, running.size());
        assertTrue(running.stream().allMatch(h -> h.info().commandLine().orElse("").contains("sleep 7003")));

        running.forEach(ProcessHandle::destroy);
        for (ProcessHandle h : running) {
            h.onExit().join();
        }
        assertEquals(List.of(), launcher.sessionProcesses());
    }

    @Test
    void forgetSessionStartsAFreshRecord() throws Exception {
        AllowedApp sleeper = new AllowedApp("sleeper", "Сън", null, List.of("sleep", "7004"));
        launcher = new ProcessAppLauncher(List.of(sleeper));
        launcher.launch(sleeper);
        List<ProcessHandle> first = launcher.sessionProcesses();

        launcher.forgetSession();

        assertEquals(List.of(), launcher.sessionProcesses());
        first.forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void argumentsReachTheProgramWithoutAShell() throws Exception {
        Path odd = dir.resolve("one; touch two");
        AllowedApp toucher = new AllowedApp("toucher", "Touch", null, List.of("touch", odd.toString()));
        launcher = new ProcessAppLauncher(List.of(toucher));

        launcher.launch(toucher);
        for (ProcessHandle h : launcher.sessionProcesses()) {
            h.onExit().join();
        }

        assertTrue(Files.exists(odd), "the whole word is one file name");
        assertFalse(Files.exists(dir.resolve("one")), "no shell split the word at ';'");
    }

    @Test
    void startsOnlyConfiguredApps() {
        AllowedApp browser = new AllowedApp("browser", "Браузър", null, List.of("/usr/bin/chromium", "--incognito"));
        launcher = new ProcessAppLauncher(List.of(browser));

        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> launcher.launch(new AllowedApp("shell", "Shell", null, List.of("/bin/sh"))));
        assertEquals("'shell' is not an allowed app as configured", unknown.getMessage());
        IllegalArgumentException changed = assertThrows(IllegalArgumentException.class,
                () -> launcher.launch(new AllowedApp("browser", "Браузър", null, List.of("/bin/sh", "-c", "id"))));
        assertEquals("'browser' is not an allowed app as configured", changed.getMessage());
        assertEquals(List.of(), launcher.sessionProcesses());
    }

    @Test
    void missingProgramIsAnErrorNamingTheApp() {
        AllowedApp gone = new AllowedApp("office", "Офис пакет", null, List.of(dir.resolve("no-such-office").toString()));
        launcher = new ProcessAppLauncher(List.of(gone));

        IOException e = assertThrows(IOException.class, () -> launcher.launch(gone));
        assertTrue(e.getMessage().startsWith("Cannot start Офис пакет (office): "), e.getMessage());
    }

    @Test
    void duplicateIdsAreRefused() {
        AllowedApp a = new AllowedApp("browser", "A", null, List.of("a"));
        AllowedApp b = new AllowedApp("browser", "B", null, List.of("b"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ProcessAppLauncher(List.of(a, b)));
        assertEquals("app id 'browser' appears twice", e.getMessage());
    }
}
