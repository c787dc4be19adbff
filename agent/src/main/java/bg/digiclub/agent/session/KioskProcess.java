package bg.digiclub.agent.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The kiosk process that started a session, known by its pid and start time (a pid alone may be
 * reused by another process after the kiosk is gone). The agent ends the session as soon as this
 * process is gone, instead of waiting for the heartbeats it would miss.
 */
record KioskProcess(long pid, Instant started) {
    /**
     * The running process {@code pid}, or empty if there is none (or the system does not say when
     * it started, so that it could not be told from a later process of the same pid).
     */
    static Optional<KioskProcess> of(long pid) {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .flatMap(p -> p.info().startInstant())
                .map(start -> new KioskProcess(pid, start));
    }

    /**
     * True once the process has exited: no process of this pid, another one (a different start),
     * or a zombie its parent has not collected yet (it runs nothing, its sockets are closed).
     */
    boolean isGone() {
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        if (p.isEmpty() || !p.get().isAlive()) {
            return true;
        }
        if (!p.get().info().startInstant().map(started::equals).orElse(false)) {
            return true;
        }
        return isZombie(Path.of("/proc", Long.toString(pid), "stat"));
    }

    /** The state field of {@code /proc/<pid>/stat} is Z or X; false where there is no such file. */
    private static boolean isZombie(Path stat) {
        try {
            String line = Files.readString(stat);
            // "pid (comm) S ...": comm may hold spaces and parentheses, the state follows the last ')'
            int close = line.lastIndexOf(')');
            if (close < 0 || close + 2 >= line.length()) {
                return false;
            }
            char state = line.charAt(close + 2);
            return state == 'Z' || state == 'X';
        } catch (IOException e) {
            // no procfs (Windows) or gone this instant: the checks above decide
            return !Files.exists(stat.getParent()) && Files.exists(Path.of("/proc/self"));
        }
    }
}
