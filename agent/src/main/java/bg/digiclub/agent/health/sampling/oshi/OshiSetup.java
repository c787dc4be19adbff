package bg.digiclub.agent.health.sampling.oshi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings OSHI and JNA read once, when they are first used — so {@link #configure} must run in
 * {@code main} before anything creates a {@link oshi.SystemInfo} (OSHI copies the system
 * properties into its configuration when its first class loads).
 */
public final class OshiSetup {
    /** JNA extracts its native library here instead of the system temp dir. */
    public static final String JNA_TMPDIR = "jna.tmpdir";
    /** How long one WMI query may take on Windows (OSHI's default, -1, waits for ever). */
    public static final String WMI_TIMEOUT = "oshi.util.wmi.timeout";

    private OshiSetup() {}

    /**
     * Points JNA's native-library extraction at {@code nativeTempDir} (locked-down temp directories
     * are often mounted {@code noexec}, and then JNA cannot load) and bounds OSHI's WMI queries.
     *
     * @param nativeTempDir a directory of the agent's own; created if missing
     * @param wmiTimeout    how long one WMI query may take; keep it well under the sampling
     *                      watchdog's timeout so a slow query fails before the sample is abandoned
     * @throws IOException when the directory cannot be created
     */
    public static void configure(Path nativeTempDir, Duration wmiTimeout) throws IOException {
        Objects.requireNonNull(nativeTempDir, "nativeTempDir");
        Objects.requireNonNull(wmiTimeout, "wmiTimeout");
        if (wmiTimeout.isNegative() || wmiTimeout.isZero()) {
            throw new IllegalArgumentException("WMI timeout must be positive, was " + wmiTimeout);
        }
        Files.createDirectories(nativeTempDir);
        System.setProperty(JNA_TMPDIR, nativeTempDir.toAbsolutePath().toString());
        System.setProperty(WMI_TIMEOUT, Long.toString(wmiTimeout.toMillis()));
    }
}
