package bg.digiclub.agent.visitor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the system's tools (lsblk, udisksctl, umount) to its end within a time limit, with
 * nothing on its standard input (unless the caller redirected it): how it ended, what it printed, and in words what went wrong.
 */
public final class ToolRun {
    /** The search path the tools are found on (the agent's own PATH is not trusted for them). */
    static final String TOOL_PATH = "/usr/sbin:/usr/bin:/sbin:/bin";
    /** What is kept of a tool's message in a log line or a step's detail. */
    private static final int OUTPUT_KEPT = 300;

    /**
     * How a tool ended.
     *
     * @param exit    its exit code; -1 when it did not run or did not finish
     * @param output  what it printed (standard output, and standard error when merged)
     * @param problem empty when it succeeded, else "TOOL exited with N: what it said" and the like
     */
    public record Result(int exit, String output, String problem) {
        public boolean ok() {
            return exit == 0;
        }
    }

    private ToolRun() {}

    /**
     * @param tool            the tool's name, for the problem's words
     * @param outputIsMessage whether a failed tool's output says why (quoted in the problem, cut to length)
     */
    public static Result run(String tool, ProcessBuilder pb, Duration timeout, boolean outputIsMessage) {
        if (pb.redirectInput() == ProcessBuilder.Redirect.PIPE) {
            pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        }
        if (!pb.redirectErrorStream()) {
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        }
        try {
            Process p = pb.start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readQuietly(p.getInputStream()));
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "", tool + " did not finish within " + timeout.toSeconds() + " s");
            }
            String output = out.join();
            if (p.exitValue() == 0) {
                return new Result(0, output, "");
            }
            String said = outputIsMessage ? output.strip().replace('\n', ' ') : "";
            if (said.length() > OUTPUT_KEPT) {
                said = said.substring(0, OUTPUT_KEPT) + "...";
            }
            return new Result(
                    p.exitValue(),
                    output,
                    tool + " exited with " + p.exitValue() + (said.isEmpty() ? "" : ": " + said));
        } catch (IOException e) {
            return new Result(-1, "", tool + " could not run: " + Tally.reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "", tool + " interrupted");
        }
    }

    private static String readQuietly(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
