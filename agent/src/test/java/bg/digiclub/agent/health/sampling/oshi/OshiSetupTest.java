package bg.digiclub.agent.health.sampling.oshi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OshiSetupTest {
    private String jnaTmpdirBefore;
    private String wmiTimeoutBefore;

    @BeforeEach
    void remember() {
        jnaTmpdirBefore = System.getProperty(OshiSetup.JNA_TMPDIR);
        wmiTimeoutBefore = System.getProperty(OshiSetup.WMI_TIMEOUT);
    }

    @AfterEach
    void restore() {
        restore(OshiSetup.JNA_TMPDIR, jnaTmpdirBefore);
        restore(OshiSetup.WMI_TIMEOUT, wmiTimeoutBefore);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    @Test
    void pointsJnaAtTheAgentsOwnDirectoryAndBoundsWmi(@TempDir Path agentDir) throws IOException {
        Path nativeDir = agentDir.resolve("native");
        OshiSetup.configure(nativeDir, Duration.ofSeconds(10));
        assertTrue(Files.isDirectory(nativeDir));
        assertEquals(nativeDir.toAbsolutePath().toString(), System.getProperty("jna.tmpdir"));
        assertEquals("10000", System.getProperty("oshi.util.wmi.timeout"));
    }

    @Test
    void wmiTimeoutMustBePositive(@TempDir Path agentDir) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> OshiSetup.configure(agentDir, Duration.ZERO));
        assertEquals("WMI timeout must be positive, was PT0S", e.getMessage());
    }
}
