package bg.digiclub.agent.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code digiclub-agent} as real child JVMs on the test's class path; {@link #stopAll} after each test. */
final class AgentProcesses {
    /** A finished command: its exit status and everything it printed (standard output and error). */
    record Result(int exit, String output) {}

    private final List<Process> started = new ArrayList<>();

    /** Starts {@code digiclub-agent args…}, its error output merged into its output. */
    Process start(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                AgentMain.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        started.add(p);
        return p;
    }

    /** Reads everything the command prints and waits (bounded) for it to exit. */
    Result finish(Process p) throws Exception {
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "command did not finish");
        return new Result(p.exitValue(), out);
    }

    /** Runs a command to its end. */
    Result run(String... args) throws Exception {
        return finish(start(args));
    }

    void stopAll() {
        started.forEach(Process::destroyForcibly);
    }
}
