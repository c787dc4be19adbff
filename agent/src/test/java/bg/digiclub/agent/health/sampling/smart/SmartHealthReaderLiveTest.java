package bg.digiclub.agent.health.sampling.smart;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Asks the real smartctl of this machine, if there is one. In the dev container it finds no disk
 * that answers SMART, so the live path yields "absent"; on a PC with SMART disks each verdict is 0 or 1.
 */
class SmartHealthReaderLiveTest {

    @Test
    void realSmartctlGivesOnlyVerdictsOrNothing() {
        SmartHealthReader reader = SmartHealthReader.fromPath(
                Clock.systemUTC(), SmartHealthReader.DEFAULT_TTL, SmartHealthReader.DEFAULT_COMMAND_TIMEOUT);
        Map<String, Double> metrics = reader.metrics();
        if (!reader.available()) {
            assertTrue(metrics.isEmpty(), "verdicts without smartctl: " + metrics);
        }
        metrics.forEach((name, value) -> {
            assertTrue(name.matches("disk\\.[^.]+\\.smart_ok"), name);
            assertTrue(value == 0.0 || value == 1.0, name + " = " + value);
        });
    }
}
