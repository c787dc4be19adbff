package bg.digiclub.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.common.config.ConfigException;
import bg.digiclub.common.config.ConfigProperties;

/** The agent's days are the club's (issue 9: they were UTC, and batches said "Z"). */
class TimeZoneSettingTest {
    private static final ZoneId SOFIA = ZoneId.of("Europe/Sofia");

    @TempDir
    Path dir;

    private static ConfigProperties props(String... keyValues) {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return ConfigProperties.of("/etc/digiclub/agent.properties", p);
    }

    @Test
    void theAgentsClockIsInTheConfiguredZoneSoItsDaysAreLocal() throws Exception {
        Path f = dir.resolve("agent.properties");
        Files.writeString(f, "time.zone = Europe/Sofia\n");
        AgentConfig c = AgentConfigLoader.load(
                new CommandLineOverrides(Optional.of(f), Optional.of(dir), Optional.empty(), Optional.empty()));
        assertEquals(SOFIA, c.zone());
        assertEquals(SOFIA, c.clock().getZone(), "days, allowances and the upload window follow the clock's zone");
        // 23:30 UTC on 4 December is already 5 December in Sofia
        assertEquals(
                LocalDate.of(2026, 12, 5),
                LocalDate.ofInstant(
                        Instant.parse("2026-12-04T23:30:00Z"), c.clock().getZone()));
    }

    @Test
    void withoutTheKeyThePcsOwnZoneIsUsed() {
        assertEquals(SOFIA, TimeZoneSetting.read(props(), SOFIA));
        assertEquals(ZoneOffset.UTC, TimeZoneSetting.read(props(), ZoneOffset.UTC));
        AgentConfig c = AgentConfigLoader.load(
                new CommandLineOverrides(Optional.empty(), Optional.of(dir), Optional.empty(), Optional.empty()));
        assertEquals(ZoneId.systemDefault(), c.zone());
    }

    @Test
    void anUnknownZoneOrAFixedOffsetNamesTheFileAndTheKey() {
        ConfigException unknown = assertThrows(
                ConfigException.class, () -> TimeZoneSetting.read(props("time.zone", "Europe/Sofiya"), SOFIA));
        assertTrue(
                unknown.getMessage().contains("/etc/digiclub/agent.properties: key 'time.zone'")
                        && unknown.getMessage().contains("Europe/Sofiya"),
                unknown.getMessage());
        ConfigException offset =
                assertThrows(ConfigException.class, () -> TimeZoneSetting.read(props("time.zone", "+02:00"), SOFIA));
        assertTrue(
                offset.getMessage().contains("'time.zone'")
                        && offset.getMessage().contains("fixed offset"),
                offset.getMessage());
        ConfigException system =
                assertThrows(ConfigException.class, () -> TimeZoneSetting.read(props(), ZoneOffset.ofHours(2)));
        assertTrue(
                system.getMessage().contains("'time.zone' is not set")
                        && system.getMessage().contains("+02:00"),
                system.getMessage());
    }
}
