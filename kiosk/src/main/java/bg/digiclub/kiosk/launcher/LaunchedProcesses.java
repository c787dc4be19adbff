package bg.digiclub.kiosk.launcher;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import bg.digiclub.kiosk.platform.SessionProcesses;

/**
 * Ends only what the launcher started in this session (and those programs' children), then
 * forgets them. Used when the kiosk does not run as a dedicated visitor account — ending every
 * process of a developer's or an administrator's account would end their desktop. It misses
 * programs that double-forked away from the launcher: the platform's
 * {@link bg.digiclub.kiosk.platform.Platform#sessionProcesses} is the real thing on a club PC.
 */
public final class LaunchedProcesses implements SessionProcesses {
    private final ProcessAppLauncher launcher;

    public LaunchedProcesses(ProcessAppLauncher launcher) {
        this.launcher = Objects.requireNonNull(launcher, "launcher");
    }

    @Override
    public int endAll(Duration grace) {
        List<ProcessHandle> running = launcher.sessionProcesses();
        running.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle p : running) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                p.onExit().completeOnTimeout(p, left, java.util.concurrent.TimeUnit.NANOSECONDS).join();
            }
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
        launcher.forgetSession();
        return running.size();
    }
}
