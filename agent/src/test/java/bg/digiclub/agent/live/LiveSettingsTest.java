package bg.digiclub.agent.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import bg.digiclub.common.config.ConfigException;
import bg.digiclub.common.config.ConfigProperties;

class LiveSettingsTest {
    private static LiveSettings read(String... keyValues) {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return LiveSettings.read(ConfigProperties.of("agent.properties", p));
    }

    @Test
    void defaultsAreTheDecisionsTimings() {
        LiveSettings s = read();
        assertEquals(LiveSettings.DEFAULTS, s);
        assertTrue(s.enabled());
        assertEquals(Duration.ofSeconds(20), s.ping());
        assertEquals(Duration.ofSeconds(1), s.initialBackoff());
        assertEquals(Duration.ofSeconds(60), s.maxBackoff());
        assertEquals(Duration.ofSeconds(30), s.stateEvery());
    }

    @Test
    void keysAreRead() {
        LiveSettings s = read("live.enabled", "false", "live.ping-seconds", "10", "live.max-backoff-seconds", "300");
        assertFalse(s.enabled());
        assertEquals(Duration.ofSeconds(10), s.ping());
        assertEquals(Duration.ofMinutes(5), s.maxBackoff());
    }

    @Test
    void badValuesNameTheFileAndKey() {
        ConfigException ping = assertThrows(ConfigException.class, () -> read("live.ping-seconds", "60"));
        assertTrue(ping.getMessage().contains("agent.properties"), ping.getMessage());
        assertTrue(ping.getMessage().contains("live.ping-seconds"), ping.getMessage());
        ConfigException backoff = assertThrows(ConfigException.class, () -> read("live.max-backoff-seconds", "0"));
        assertTrue(backoff.getMessage().contains("live.max-backoff-seconds"), backoff.getMessage());
        assertThrows(ConfigException.class, () -> read("live.enabled", "sometimes"));
    }
}
