package bg.digiclub.agent.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import bg.digiclub.agent.AgentRuntime;
import bg.digiclub.agent.config.AgentConfig;
import bg.digiclub.agent.service.InstanceLock;
import bg.digiclub.agent.service.StatusFile;
import bg.digiclub.agent.store.Database;
import bg.digiclub.agent.upload.UploadStatus;
import bg.digiclub.common.health.HealthReport;

/**
 * {@code agent status}: the PC's current health. From the running agent's latest report when
 * an agent runs on the data directory; otherwise this command samples the PC itself (twice,
 * a second apart, because CPU load and rates need two readings) without writing anything.
 */
@Command(name = "status", description = "Show the PC's current health (from the running agent, or sampled now).")
final class StatusCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Option(
            names = "--check",
            description = "Print one line and exit 0 OK, 1 WARN, 2 CRIT, 3 UNKNOWN, "
                    + "as a Nagios, Icinga or Zabbix check expects.")
    boolean check;

    @Override
    public Integer call() throws Exception {
        if (check) {
            MonitoringCheck result = monitoringCheck();
            System.out.println(result.line());
            return result.status();
        }
        AgentConfig config = options.load(Optional.empty());
        Found found = report(config);
        if (json) {
            System.out.println(StatusFile.toJson(found.report()));
        } else {
            System.out.print(StatusTable.render(found.report(), found.origin(), config.zone()));
            uploadSummary(config).ifPresent(System.out::println);
        }
        return 0;
    }

    private MonitoringCheck monitoringCheck() {
        try {
            return MonitoringCheck.of(report(options.load(Optional.empty())).report());
        } catch (Exception e) {
            // a monitor must tell "cannot say" from "the PC is failing"
            return MonitoringCheck.unknown(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** The running agent's latest report if it is current, else one sampled now. */
    private static Found report(AgentConfig config) throws Exception {
        Clock clock = config.clock();
        // a running agent's report is current if it is younger than two intervals plus a slow sample
        Duration fresh = config.sampling()
                .interval()
                .multipliedBy(2)
                .plus(config.sampling().timeout());
        Optional<HealthReport> running = InstanceLock.isHeld(config.dataDir())
                ? new StatusFile(config.dataDir()).readFresh(clock.instant(), fresh)
                : Optional.empty();
        return running.isPresent()
                ? new Found(running.get(), "from the running agent")
                : new Found(AgentRuntime.sampleOnce(config, clock), "sampled now; no agent is running here");
    }

    private record Found(HealthReport report, String origin) {}

    /** The upload's state (enrolled? re-enrolment needed? batches waiting?), when there is a database. */
    private static Optional<String> uploadSummary(AgentConfig config) throws IOException {
        if (!Files.exists(config.dataDir().resolve(Database.FILE_NAME))) {
            return Optional.empty();
        }
        try (Database db = Stores.openReadOnly(config)) {
            return Optional.of(UploadStatus.read(db).summary());
        } catch (SQLException e) {
            return Optional.of("upload: state unreadable (" + e.getMessage() + ")");
        }
    }
}
