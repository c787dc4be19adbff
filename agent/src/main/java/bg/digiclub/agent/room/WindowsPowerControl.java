package bg.digiclub.agent.room;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import bg.digiclub.agent.visitor.ToolRun;

/**
 * Windows' {@code shutdown.exe} from the system directory (never one found on the PATH): {@code /r}
 * restarts, {@code /s} powers off, {@code /t 0} at once, {@code /f} without waiting for the
 * visitor's programs (their session already ended), {@code /d p:4:1} recorded as planned
 * maintenance in the system's event log.
 */
final class WindowsPowerControl implements PowerControl {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Path shutdownExe;

    /** @param systemRoot the Windows directory (%SystemRoot%) */
    WindowsPowerControl(String systemRoot) {
        this.shutdownExe = Path.of(Objects.requireNonNull(systemRoot, "systemRoot"), "System32", "shutdown.exe");
    }

    @Override
    public Optional<String> restart() {
        return run("/r");
    }

    @Override
    public Optional<String> shutdown() {
        return run("/s");
    }

    /** The command line for one switch: what is run, for the tests to see. */
    List<String> command(String what) {
        return List.of(shutdownExe.toString(), what, "/t", "0", "/f", "/d", "p:4:1");
    }

    private Optional<String> run(String what) {
        ProcessBuilder pb = new ProcessBuilder(command(what))
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.INHERIT);
        ToolRun.Result r = ToolRun.run("shutdown.exe " + what, pb, TIMEOUT, true);
        return r.ok() ? Optional.empty() : Optional.of(r.problem());
    }
}
