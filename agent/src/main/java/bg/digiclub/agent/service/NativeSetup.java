package bg.digiclub.agent.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * System properties that must be set before the first OSHI, JNA or SQLite class loads.
 * Locked-down PCs often mount the system temp directory {@code noexec}; JNA and sqlite-jdbc
 * unpack native libraries there, so they get the agent's own directory instead.
 */
public final class NativeSetup {
    /** OSHI's WMI query timeout on Windows, in ms: a hung WMI call must not stall sampling for ever. */
    static final String WMI_TIMEOUT_MS = "15000";

    private NativeSetup() {
    }

    public static void apply(Path tmpDir) throws IOException {
        Files.createDirectories(tmpDir);
        String dir = tmpDir.toAbsolutePath().toString();
        System.setProperty("jna.tmpdir", dir);
        System.setProperty("org.sqlite.tmpdir", dir);
        System.setProperty("oshi.util.wmi.timeout", WMI_TIMEOUT_MS);
    }
}
