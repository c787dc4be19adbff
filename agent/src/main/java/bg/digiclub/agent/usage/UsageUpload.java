package bg.digiclub.agent.usage;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import bg.digiclub.agent.store.Database;
import bg.digiclub.agent.upload.Backoff;
import bg.digiclub.agent.upload.CollectorHttp;
import bg.digiclub.agent.upload.EnrolmentClient;
import bg.digiclub.agent.upload.EnrolmentStore;
import bg.digiclub.agent.upload.Outbox;
import bg.digiclub.agent.upload.PayloadGuard;
import bg.digiclub.agent.upload.PendingEnrolment;
import bg.digiclub.agent.upload.PrivacyGuard;
import bg.digiclub.agent.upload.UploadConfig;
import bg.digiclub.agent.upload.UploadSchedule;
import bg.digiclub.agent.upload.UploadService;
import bg.digiclub.agent.upload.Uploader;
import okhttp3.OkHttpClient;

/**
 * Wires the statistics path of one agent: aggregation, outbox, uploader, schedule. The agent's
 * {@code main} calls {@link #service} for {@code agent run} and {@code agent upload --now}, and
 * {@link #enrolmentClient} for {@code agent enrol}; tests and the end-to-end test call the same.
 */
public final class UsageUpload {
    private UsageUpload() {
    }

    /**
     * The upload service, or empty when no collector is configured ({@code upload.url} unset).
     *
     * @param sampleInterval the health sampling interval (a sample vouches for that long of running)
     * @param agentVersion   goes into every batch's envelope
     */
    public static Optional<UploadService> service(UploadConfig config, Database db, UsageSource usage, HealthSource health,
                                                  Duration sampleInterval, String agentVersion, Clock clock) {
        return service(config, db, usage, health, sampleInterval, agentVersion, clock, PrivacyGuard.forThisPc(),
                Optional.empty());
    }

    /**
     * As above, finishing an enrolment the install left: the code waits in {@code pendingCodeFile}
     * until the collector answers.
     */
    public static Optional<UploadService> service(UploadConfig config, Database db, UsageSource usage, HealthSource health,
                                                  Duration sampleInterval, String agentVersion, Clock clock,
                                                  Optional<Path> pendingCodeFile) {
        return service(config, db, usage, health, sampleInterval, agentVersion, clock, PrivacyGuard.forThisPc(),
                pendingCodeFile);
    }

    /** As {@link #service(UploadConfig, Database, UsageSource, HealthSource, Duration, String, Clock)}, with another guard (tests). */
    public static Optional<UploadService> service(UploadConfig config, Database db, UsageSource usage, HealthSource health,
                                                  Duration sampleInterval, String agentVersion, Clock clock,
                                                  PayloadGuard guard) {
        return service(config, db, usage, health, sampleInterval, agentVersion, clock, guard, Optional.empty());
    }

    private static Optional<UploadService> service(UploadConfig config, Database db, UsageSource usage, HealthSource health,
                                                   Duration sampleInterval, String agentVersion, Clock clock,
                                                   PayloadGuard guard, Optional<Path> pendingCodeFile) {
        Objects.requireNonNull(config, "config");
        if (config.collectorUrl().isEmpty()) {
            return Optional.empty();
        }
        URI url = config.collectorUrl().get();
        Outbox outbox = new Outbox(db, config.outbox(), guard, clock);
        EnrolmentStore enrolment = new EnrolmentStore(db);
        SecureRandom random = new SecureRandom();
        OkHttpClient http = CollectorHttp.client(config);
        Uploader uploader = new Uploader(outbox, enrolment, db, http, url,
                new Backoff(config.initialBackoff(), config.maxBackoff(), random), clock, config.maxBatchesPerRound());
        PeriodSealer sealer = new PeriodSealer(db, outbox, enrolment, usage, health, sampleInterval,
                config.healthInterval(), agentVersion, clock);
        UploadSchedule schedule = new UploadSchedule(config.usageWindowStart(), config.usageWindowEnd(),
                config.healthInterval(), random);
        Optional<PendingEnrolment> pending = pendingCodeFile.map(file -> new PendingEnrolment(file,
                new EnrolmentClient(http, url, enrolment, clock, agentVersion), enrolment,
                new Backoff(config.initialBackoff(), config.maxBackoff(), random), clock));
        return Optional.of(new UploadService(outbox, enrolment, db, uploader, sealer, schedule, clock, pending));
    }

    /** The client for {@code agent enrol} (code on standard input or in a file); needs {@code upload.url}. */
    public static EnrolmentClient enrolmentClient(UploadConfig config, Database db, String agentVersion, Clock clock) {
        URI url = config.collectorUrl().orElseThrow(() -> new IllegalStateException(
                "no collector configured: set upload.url in the agent's configuration"));
        return new EnrolmentClient(CollectorHttp.client(config), url, new EnrolmentStore(db), clock, agentVersion);
    }
}
