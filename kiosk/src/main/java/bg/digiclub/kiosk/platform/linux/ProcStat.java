package bg.digiclub.kiosk.platform.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Whether a process has really exited, from {@code /proc/<pid>/stat}. {@link ProcessHandle#isAlive()}
 * still says true for a zombie (dead, not yet reaped by its parent), which is what an ended
 * double-forked program stays while init is slow to reap it — or forever where pid 1 does not
 * reap at all (some containers). Waiting for zombies to "exit" would turn every end of session
 * into a full grace period.
 */
public final class ProcStat {
    private ProcStat() {
    }

    /** True if the process is gone or a zombie. */
    public static boolean exited(ProcessHandle process) {
        if (!process.isAlive()) {
            return true;
        }
        try {
            byte[] stat = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "stat"));
            return isDead(new String(stat, StandardCharsets.ISO_8859_1));
        } catch (NoSuchFileException e) {
            return true;
        } catch (IOException e) {
            return false; // cannot tell: treat as running, the caller will try again
        }
    }

    /**
     * Parses a {@code /proc/<pid>/stat} line: the state letter follows the command name in
     * parentheses, which may itself contain spaces and parentheses, so it is found after the last
     * {@code ')'}. {@code Z} is a zombie, {@code X} dead.
     */
    static boolean isDead(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0 || close + 2 >= stat.length()) {
            return false;
        }
        char state = stat.charAt(close + 2);
        return state == 'Z' || state == 'X';
    }
}
