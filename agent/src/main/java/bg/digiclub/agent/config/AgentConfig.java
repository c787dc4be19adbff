package bg.digiclub.agent.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import bg.digiclub.agent.health.check.HealthThresholds;
import bg.digiclub.agent.upload.UploadConfig;
import bg.digiclub.agent.visitor.VisitorSettings;
import bg.digiclub.common.config.ConfigProperties;

/**
 * The agent's whole configuration, typed and validated once at start-up by
 * {@link AgentConfigLoader}. Every key is explained in {@code agent/config/agent.example.properties}.
 *
 * @param source     the file it was read from, null for the embedded defaults
 * @param dataDir    where the database, the status file and the agent's temp files live
 * @param logDir     where the rolling log file is written
 * @param sampling   how the PC's health is sampled
 * @param thresholds when each health check turns WARN or CRIT
 * @param link       the local socket the kiosk talks to
 * @param members    member cards: allowances and PIN hashing
 * @param upload     where anonymous statistics go, when, and how the outbox is bounded
 * @param visitor    the visitor's OS account: ended, reset and started as by the agent
 */
public record AgentConfig(Path source, Path dataDir, Path logDir, SamplingSettings sampling, HealthThresholds thresholds,
                          LinkSettings link, MemberSettings members, UploadConfig upload, VisitorSettings visitor) {
    public AgentConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(logDir, "logDir");
        Objects.requireNonNull(sampling, "sampling");
        Objects.requireNonNull(thresholds, "thresholds");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(members, "members");
        Objects.requireNonNull(upload, "upload");
        Objects.requireNonNull(visitor, "visitor");
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
        return new AgentConfig(o.configFile().orElse(null), dataDir, logDir,
                SamplingSettings.read(c, o.sampleInterval()),
                HealthThresholdsConfig.read(c),
                LinkSettings.read(c, dataDir),
                MemberSettings.read(c),
                UploadConfig.read(c),
                VisitorSettings.read(c));
    }
}
