package bg.digiclub.agent.config;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import bg.digiclub.agent.health.check.HealthThresholds;
import bg.digiclub.agent.health.check.HealthThresholdsConfig;
import bg.digiclub.agent.health.sampling.SamplingSettings;
import bg.digiclub.agent.link.LinkSettings;
import bg.digiclub.agent.live.LiveSettings;
import bg.digiclub.agent.member.MemberSettings;
import bg.digiclub.agent.metrics.MetricsSettings;
import bg.digiclub.agent.session.SessionSettings;
import bg.digiclub.agent.upload.EnrolmentSettings;
import bg.digiclub.agent.upload.UploadConfig;
import bg.digiclub.agent.visitor.VisitorSettings;
import bg.digiclub.common.config.ConfigProperties;

/**
 * The agent's whole configuration, typed and validated once at start-up by
 * {@link AgentConfigLoader}. Every key is explained in {@code agent/config/agent.example.properties}.
 *
 * <p>Each feature owns its settings: the record and the reading of its keys live in the feature's
 * package ({@code link.LinkSettings}, {@code member.MemberSettings}, ...), which needs nothing
 * but {@link ConfigProperties}. This record only puts them together; no feature package imports
 * this one, so settings point one way: config -> features -> common.config.
 *
 * @param source     the file it was read from, null for the embedded defaults
 * @param dataDir    where the database, the status file and the native libraries live (private: 0700)
 * @param logDir     where the rolling log file is written (private: 0700)
 * @param zone       the club's time zone: local days and hours (time.zone, default the PC's)
 * @param sampling   how the PC's health is sampled
 * @param thresholds when each health check turns WARN or CRIT
 * @param link       the local socket the kiosk talks to
 * @param members    member cards: allowances and PIN hashing
 * @param sessions   how the kiosk's sessions are watched
 * @param upload     where anonymous statistics go, when, and how the outbox is bounded
 * @param visitor    the visitor's OS account: ended, reset and started as by the agent
 * @param enrolment  an enrolment the install left for the agent to finish
 * @param live       the live channel to the collector: state up, staff commands down
 * @param metrics    the node_exporter textfile written each health round
 */
public record AgentConfig(
        Path source,
        Path dataDir,
        Path logDir,
        ZoneId zone,
        SamplingSettings sampling,
        HealthThresholds thresholds,
        LinkSettings link,
        MemberSettings members,
        SessionSettings sessions,
        UploadConfig upload,
        VisitorSettings visitor,
        EnrolmentSettings enrolment,
        LiveSettings live,
        MetricsSettings metrics) {
    public AgentConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(logDir, "logDir");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(sampling, "sampling");
        Objects.requireNonNull(thresholds, "thresholds");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(members, "members");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(upload, "upload");
        Objects.requireNonNull(visitor, "visitor");
        Objects.requireNonNull(enrolment, "enrolment");
        Objects.requireNonNull(live, "live");
        Objects.requireNonNull(metrics, "metrics");
    }

    /** The file the configuration was read from, as named in messages. */
    public String sourceName() {
        return source == null ? AgentConfigLoader.EMBEDDED_DEFAULTS : source.toString();
    }

    /** The agent's own directories, which nothing of the visitor's may overlap. */
    public List<Path> agentDirectories() {
        return List.of(dataDir, logDir);
    }

    /** The agent's clock: the system's time, in the club's zone (so days and windows are local). */
    public Clock clock() {
        return Clock.system(zone);
    }

    static AgentConfig read(ConfigProperties c, CommandLineOverrides o) {
        // the file's values are read even when overridden, so that they are still validated
        Optional<Path> fileDataDir = c.path("data-dir");
        Optional<Path> fileLogDir = c.path("log-dir");
        Path dataDir = o.dataDir().or(() -> fileDataDir).orElseGet(AgentConfigLoader::defaultDataDir);
        Path logDir = o.logDir().or(() -> fileLogDir).orElse(dataDir.resolve("logs"));
        return new AgentConfig(
                o.configFile().orElse(null),
                dataDir,
                logDir,
                TimeZoneSetting.read(c, ZoneId.systemDefault()),
                SamplingSettings.read(c, o.sampleInterval()),
                HealthThresholdsConfig.read(c),
                LinkSettings.read(c, dataDir),
                MemberSettings.read(c),
                SessionSettings.read(c),
                UploadConfig.read(c),
                VisitorSettings.read(c),
                EnrolmentSettings.read(c),
                LiveSettings.read(c),
                MetricsSettings.read(c));
    }
}
