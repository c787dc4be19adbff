package bg.digiclub.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.agent.health.check.HealthThresholds;
import bg.digiclub.common.config.ConfigException;

class AgentConfigLoaderTest {
    @TempDir
    Path dir;

    private AgentConfig load(String text, Optional<Path> dataDir, Optional<Duration> interval) throws Exception {
        Path f = dir.resolve("agent.properties");
        Files.writeString(f, text);
        return AgentConfigLoader.load(new CommandLineOverrides(Optional.of(f), dataDir, Optional.empty(), interval));
    }

    private ConfigException failing(String text) {
        return assertThrows(ConfigException.class, () -> load(text, Optional.empty(), Optional.empty()));
    }

    @Test
    void shippedExampleIsValidAndEqualsTheDefaults() {
        Path example = Path.of("config/agent.example.properties");
        AgentConfig c = AgentConfigLoader.load(
                new CommandLineOverrides(Optional.of(example), Optional.of(dir), Optional.empty(), Optional.empty()));
        assertEquals(HealthThresholds.defaults(), c.thresholds());
        assertEquals(Duration.ofSeconds(30), c.sampling().interval());
    }

    @Test
    void embeddedDefaultsNeedNoFile() {
        AgentConfig c = AgentConfigLoader.load(
                new CommandLineOverrides(Optional.empty(), Optional.of(dir), Optional.empty(), Optional.empty()));
        assertEquals(dir, c.dataDir());
        assertEquals(dir.resolve("logs"), c.logDir());
        assertEquals(HealthThresholds.defaults(), c.thresholds());
    }

    @Test
    void commandLineWinsOverTheFile() throws Exception {
        Path other = dir.resolve("other");
        AgentConfig c = load(
                "data-dir=/nowhere\nsampling.interval-seconds=60\n",
                Optional.of(other),
                Optional.of(Duration.ofSeconds(10)));
        assertEquals(other, c.dataDir());
        assertEquals(Duration.ofSeconds(10), c.sampling().interval());
    }

    @Test
    void thresholdsAreRead() throws Exception {
        AgentConfig c = load(
                "health.disk.warn=15\nhealth.disk.crit=off\nhealth.memory.min-duration-seconds=60\n",
                Optional.of(dir),
                Optional.empty());
        assertEquals(15, c.thresholds().diskFreePercent().warn());
        assertEquals(OptionalDouble.empty(), c.thresholds().diskFreePercent().crit());
        assertEquals(Duration.ofMinutes(1), c.thresholds().memoryUsedPercent().minDuration());
    }

    @Test
    void badNumberNamesFileAndKey() {
        ConfigException e = failing("sampling.interval-seconds=soon\n");
        assertTrue(
                e.getMessage().contains("agent.properties") && e.getMessage().contains("'sampling.interval-seconds'"),
                e.getMessage());
    }

    @Test
    void contradictoryThresholdsNameTheKey() {
        ConfigException e = failing("health.memory.warn=95\nhealth.memory.crit=90\n");
        assertTrue(
                e.getMessage().contains("agent.properties") && e.getMessage().contains("'health.memory.crit'"),
                e.getMessage());
    }

    @Test
    void misspeltKeyStopsStartUp() {
        ConfigException e = failing("health.disk.warnn=10\n");
        assertTrue(e.getMessage().contains("health.disk.warnn"), e.getMessage());
    }

    @Test
    void healthUploadIntervalFinerThanAQuarterHourIsRejected() {
        ConfigException e = failing("upload.health-interval-minutes=20\n");
        assertTrue(
                e.getMessage().contains("'upload.health-interval-minutes'")
                        && e.getMessage().contains("15"),
                e.getMessage());
    }

    @Test
    void linkAndMemberSettingsAreRead() throws Exception {
        AgentConfig c = load(
                "link.socket=/run/dc/agent.sock\nlink.allowed-users=visitor\nmembers.daily-minutes=90\n",
                Optional.of(dir),
                Optional.empty());
        assertEquals(Path.of("/run/dc/agent.sock"), c.link().server().socketPath());
        assertEquals(java.util.List.of("visitor"), c.link().server().allowedUsers());
        assertEquals(Duration.ofMinutes(90), c.members().allowances().daily());
    }

    @Test
    void intervalOptionOutOfRangeIsRejected() {
        ConfigException e =
                assertThrows(ConfigException.class, () -> load("", Optional.of(dir), Optional.of(Duration.ZERO)));
        assertTrue(e.getMessage().contains("--interval"), e.getMessage());
    }
}
