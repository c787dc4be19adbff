package bg.digiclub.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Process process = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics")
                .redirectErrorStream(true)
                .start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(Patience.LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("promtool did not finish");
        }
        return new Verdict(process.exitValue(), output);
    }
}
