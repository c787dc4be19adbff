package bg.digiclub.kiosk.platform.linux;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private Xvfb for one test class: picks a free display number itself ({@code -displayfd}),
 * so tests never touch the developer's display and never depend on {@code $DISPLAY}. Fails,
 * rather than skips, when Xvfb is not installed.
 */
final class XvfbServer implements AutoCloseable {
    private final Process process;
    private final String display;

    private XvfbServer(Process process, String display) {
        this.process = process;
        this.display = display;
    }

    static XvfbServer start() throws IOException {
        Path xvfb = requireTool("Xvfb", "xvfb");
        Process process = new ProcessBuilder(
                        xvfb.toString(), "-displayfd", "1", "-screen", "0", "640x480x24", "-nolisten", "tcp")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
        String number = out.readLine();
        if (number == null || !number.strip().matches("\\d+")) {
            process.destroyForcibly();
            throw new IOException("Xvfb did not report a display number (got " + number + ")");
        }
        return new XvfbServer(process, ":" + number.strip());
    }

    /** The tool on $PATH, or an AssertionError that says which Debian package to install. */
    static Path requireTool(String tool, String debianPackage) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, tool);
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError(
                tool + " is not installed; this live test needs it: apt-get install -y " + debianPackage);
    }

    String display() {
        return display;
    }

    /** Runs an X client against this server and returns its standard output. */
    String run(String... command) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("DISPLAY", display);
        Process p = builder.start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        if (code != 0) {
            throw new IOException(String.join(" ", argv) + " exited with " + code);
        }
        return output;
    }

    /** Runs an X client with {@code input} on its standard input, without waiting for it to leave. */
    void feed(String input, String... command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("DISPLAY", display);
        Process p = builder.start();
        p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
