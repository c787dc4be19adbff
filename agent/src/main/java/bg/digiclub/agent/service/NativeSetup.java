package bg.digiclub.agent.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import bg.digiclub.agent.health.sampling.OshiSetup;

/**
 * System properties that must be set before the first OSHI, JNA or SQLite class loads.
 * Locked-down PCs often mount the system temp directory {@code noexec}; JNA and sqlite-jdbc
 * unpack native libraries there, so they get the agent's own directory instead.
 */
public final class NativeSetup {
    /** OSHI's WMI query timeout on Windows: well under the sampling watchdog's timeout. */
    static final Duration WMI_TIMEOUT = Duration.ofSeconds(10);

    private NativeSetup() {
    }

    public static void apply(Path tmpDir) throws IOException {
        Files.createDirectories(tmpDir);
        OshiSetup.configure(tmpDir, WMI_TIMEOUT);
        System.setProperty("org.sqlite.tmpdir", tmpDir.toAbsolutePath().toString());
    }
}
