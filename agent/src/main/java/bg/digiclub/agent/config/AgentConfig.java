package bg.digiclub.agent.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import bg.digiclub.agent.health.check.HealthThresholds;
import bg.digiclub.common.config.ConfigException;
import bg.digiclub.common.config.ConfigProperties;

/**
 * The agent's whole configuration, typed and validated once at start-up by
 * {@link AgentConfigLoader}. Every key is explained in {@code agent/config/agent.example.properties}.
 *
 * @param dataDir        where the database, the status file and the agent's temp files live
 * @param logDir         where the rolling log file is written
 * @param sampleInterval how often the PC's health is sampled
 * @param sampleTimeout  a sample taking longer is abandoned (a hung WMI call on Windows)
 * @param smartEnabled   whether to ask {@code smartctl} for disk health where it is installed
 * @param thresholds     when each health check turns WARN or CRIT
 */
public record AgentConfig(Path source, Path dataDir, Path logDir, Duration sampleInterval, Duration sampleTimeout,
                          boolean smartEnabled, HealthThresholds thresholds) {
    public AgentConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(logDir, "logDir");
        Objects.requireNonNull(sampleInterval, "sampleInterval");
        Objects.requireNonNull(sampleTimeout, "sampleTimeout");
        Objects.requireNonNull(thresholds, "thresholds");
    }

    /** The agent's own temp directory (JNA and SQLite unpack native code here: system temp may be noexec). */
    public Path tmpDir() {
        return dataDir.resolve("tmp");
    }

    static AgentConfig read(ConfigProperties c, CommandLineOverrides o) {
        // the file's values are read even when overridden, so that they are still validated
        Optional<Path> fileDataDir = c.path("data-dir");
        Optional<Path> fileLogDir = c.path("log-dir");
        Path dataDir = o.dataDir().or(() -> fileDataDir).orElseGet(AgentConfigLoader::defaultDataDir);
        Path logDir = o.logDir().or(() -> fileLogDir).orElse(dataDir.resolve("logs"));
        Duration interval = c.seconds("sampling.interval-seconds", Duration.ofSeconds(30),
                Duration.ofSeconds(1), Duration.ofHours(1));
        if (o.sampleInterval().isPresent()) {
            interval = o.sampleInterval().get();
            if (interval.toSeconds() < 1 || interval.toSeconds() > 3600) {
                throw new ConfigException("option --interval must be between 1 and 3600 seconds (was "
                        + interval.toSeconds() + ")");
            }
        }
        Duration timeout = c.seconds("sampling.timeout-seconds", Duration.ofSeconds(60),
                Duration.ofSeconds(1), Duration.ofMinutes(10));
        boolean smart = c.bool("sampling.smart", true);
        HealthThresholds thresholds = HealthThresholdsConfig.read(c);
        return new AgentConfig(o.configFile().orElse(null), dataDir, logDir, interval, timeout, smart, thresholds);
    }
}
