package bg.digiclub.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus' own parser and linter, {@code promtool check metrics} (Debian's package
 * {@code prometheus}, installed by {@code scripts/test.sh}), run on a scrape or a textfile. A test
 * that needs it fails when it is missing: the format is proven by the real parser or not at all.
 */
public final class Promtool {
    /** Where Debian installs it. */
    public static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    private Promtool() {}

    /**
     * What {@code promtool check metrics} says of {@code text}: exit 0 and nothing printed when the
     * text parses and passes every lint rule.
     */
    public record Verdict(int exit, String output) {
        public boolean clean() {
            return exit == 0 && output.isBlank();
        }
    }

    /**
     * Runs the check on {@code text} (given on standard input).
     *
     * @throws IllegalStateException when promtool is not installed (install Debian's {@code prometheus})
     */
    public static Verdict checkMetrics(String text) throws IOException, InterruptedException {
        if (!Files.isExecutable(PROMTOOL)) {
            throw new IllegalStateException(
                    PROMTOOL + " is missing: apt-get install prometheus (scripts/test.sh does)");
        }
        return run(List.of(PROMTOOL.toString(), "check", "metrics"), text, Patience.LIMIT);
    }

    /**
     * Runs {@code command} with {@code text} on its standard input. Its output goes to a file, not a pipe read
     * here: reading a pipe to its end would wait for the program to exit, and {@code limit} would never apply.
     */
    static Verdict run(List<String> command, String text, Duration limit) throws IOException, InterruptedException {
        Path output = Files.createTempFile("promtool-", ".out");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(text.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(Path.of(command.get(0)).getFileName() + " did not finish");
            }
            return new Verdict(process.exitValue(), Files.readString(output));
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
