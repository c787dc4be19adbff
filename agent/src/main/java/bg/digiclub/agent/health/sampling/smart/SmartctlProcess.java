package bg.digiclub.agent.health.sampling.smart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the real {@code smartctl} executable as a child process, killed when it exceeds its timeout. */
final class SmartctlProcess implements SmartctlCommand {
    private static final Logger LOG = LoggerFactory.getLogger(SmartctlProcess.class);

    /** smartctl's JSON for one disk is a few KiB; more than this is not smartctl talking. */
    private static final int MAX_OUTPUT_BYTES = 1 << 20;

    private final Path executable;
    private final Duration timeout;

    SmartctlProcess(Path executable, Duration timeout) {
        this.executable = Objects.requireNonNull(executable, "executable");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("smartctl timeout must be positive, was " + timeout);
        }
    }

    /**
     * The first {@code smartctl} (or {@code smartctl.exe}) that is an executable file in one of the
     * directories of {@code pathVariable} (the {@code PATH} environment variable's value).
     */
    static Optional<Path> findOnPath(String pathVariable, String pathSeparator) {
        if (pathVariable == null || pathVariable.isBlank()) {
            return Optional.empty();
        }
        for (String dir : pathVariable.split(Pattern.quote(pathSeparator))) {
            if (dir.isBlank()) {
                continue;
            }
            for (String name : List.of("smartctl", "smartctl.exe")) {
                try {
                    Path candidate = Path.of(dir.trim(), name);
                    if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                        return Optional.of(candidate);
                    }
                } catch (InvalidPathException e) {
                    // A garbled PATH entry is not smartctl; keep looking.
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> run(List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(arguments);
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            LOG.warn("Cannot start {}: {}", executable, e.getMessage());
            return Optional.empty();
        }
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // smartctl reads nothing from us; a failed close of its input changes nothing.
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // Read on another thread so a smartctl that hangs without closing its output cannot outlive the timeout.
        Thread reader = new Thread(() -> copy(process.getInputStream(), out), "smartctl-output");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                LOG.warn("smartctl {} did not finish within {}; killed", arguments, timeout);
                return Optional.empty();
            }
            reader.join(timeout.toMillis());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        synchronized (out) {
            return Optional.of(out.toString(StandardCharsets.UTF_8));
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                synchronized (out) {
                    if (out.size() + n > MAX_OUTPUT_BYTES) {
                        return;
                    }
                    out.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // The process was killed or closed its output: what was read so far is all there is.
        }
    }
}
