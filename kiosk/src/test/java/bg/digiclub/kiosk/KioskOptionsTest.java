package bg.digiclub.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class KioskOptionsTest {
    @Test
    void noArgumentsIsTheRealKiosk() {
        KioskOptions options = KioskOptions.parse();
        assertFalse(options.demo());
        assertTrue(options.lockedDown());
        assertEquals(Optional.empty(), options.config());
    }

    @Test
    void demoOptions() {
        KioskOptions options = KioskOptions.parse(
                "--demo", "--config", "/tmp/k.properties", "--demo-session-seconds", "65", "--report-ready");
        assertTrue(options.demo());
        assertFalse(options.lockedDown());
        assertEquals(Optional.of(Path.of("/tmp/k.properties")), options.config());
        assertEquals(Optional.of(Duration.ofSeconds(65)), options.demoSession());
        assertTrue(options.reportReady());
        assertFalse(options.exitWhenReady());
        assertTrue(KioskOptions.parse("--exit-when-ready").exitWhenReady());
        assertTrue(KioskOptions.parse("--config", "/etc/digiclub/kiosk.properties", "--standby")
                .standby());
        assertFalse(KioskOptions.parse().standby());
        assertTrue(KioskOptions.parse("--demo", "--fullscreen").lockedDown());
    }

    @Test
    void wrongArgumentsAreNamed() {
        assertEquals(
                "unknown option '--kiosk'",
                assertThrows(IllegalArgumentException.class, () -> KioskOptions.parse("--kiosk"))
                        .getMessage());
        assertEquals(
                "--config needs a value",
                assertThrows(IllegalArgumentException.class, () -> KioskOptions.parse("--config"))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> KioskOptions.parse("--fullscreen"));
        assertThrows(IllegalArgumentException.class, () -> KioskOptions.parse("--demo", "--demo-session-seconds", "x"));
    }

    @Test
    void helpAndVersionAreAnsweredAndStartNothing() {
        KioskMain.AgentClientFactory none = config -> {
            throw new AssertionError("no agent for --help or --version");
        };
        assertEquals(0, KioskMain.run(new String[] {"--help"}, none));
        assertEquals(0, KioskMain.run(new String[] {"--demo", "--version"}, none));
        assertEquals(2, KioskMain.run(new String[] {"--kiosk"}, none), "a wrong option is refused");
        assertTrue(KioskOptions.informationAsked("-h").orElseThrow().contains("--demo-session-seconds N"));
        // run from target/classes there is no jar manifest: it says so instead of a made-up number
        assertEquals(
                "DigiClub kiosk (built from source, no version recorded)",
                KioskOptions.informationAsked("-V").orElseThrow().strip());
        assertTrue(KioskOptions.informationAsked("--demo").isEmpty());
    }
}
