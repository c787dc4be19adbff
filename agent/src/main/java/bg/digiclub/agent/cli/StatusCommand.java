package bg.digiclub.agent.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

import bg.digiclub.agent.AgentRuntime;
import bg.digiclub.agent.config.AgentConfig;
import bg.digiclub.agent.service.InstanceLock;
import bg.digiclub.agent.service.StatusFile;
import bg.digiclub.agent.store.Database;
import bg.digiclub.agent.upload.UploadStatus;
import bg.digiclub.common.health.HealthReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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

    @Override
    public Integer call() throws Exception {
        AgentConfig config = options.load(Optional.empty());
        Clock clock = config.clock();
        // a running agent's report is current if it is younger than two intervals plus a slow sample
        Duration fresh = config.sampling().interval().multipliedBy(2).plus(config.sampling().timeout());
        Optional<HealthReport> running = InstanceLock.isHeld(config.dataDir())
                ? new StatusFile(config.dataDir()).readFresh(clock.instant(), fresh)
                : Optional.empty();
        String origin = running.isPresent() ? "from the running agent" : "sampled now; no agent is running here";
        HealthReport report = running.isPresent() ? running.get() : AgentRuntime.sampleOnce(config, clock);
        if (json) {
            System.out.println(StatusFile.toJson(report));
        } else {
            System.out.print(StatusTable.render(report, origin, config.zone()));
            uploadSummary(config).ifPresent(System.out::println);
        }
        return 0;
    }

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
