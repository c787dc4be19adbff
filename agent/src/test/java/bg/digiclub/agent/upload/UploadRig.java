package bg.digiclub.agent.upload;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;

import bg.digiclub.agent.store.Database;
import bg.digiclub.common.batch.BatchKind;
import bg.digiclub.testsupport.TestClock;

/**
 * A real agent database in a temp directory with the upload's parts wired as the agent wires
 * them, a moved-by-hand clock, a seeded random and the privacy scan as the outbox's guard.
 */
public final class UploadRig implements AutoCloseable {
    public static final UUID DEVICE = UUID.fromString("b7e2d9a4-1c6f-4e8b-a3d5-9f0c2e7b4a61");
    public static final String CLUB = "sz-rodina-1860";

    public final Path dir;
    public final TestClock clock;
    public final ScanningPrivacyGuard scan;
    public final Random random = new Random(42);
    public Database db;
    public Outbox outbox;
    public EnrolmentStore enrolment;
    public UploadConfig config;

    public UploadRig(Path dir, TestClock clock, ScanningPrivacyGuard scan, URI collector) throws SQLException {
        this.dir = dir;
        this.clock = clock;
        this.scan = scan;
        this.config = UploadConfig.defaults(collector).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));
        open();
    }

    /** (Re)opens the database, as after an agent restart. */
    public void open() throws SQLException {
        db = Database.open(dir.resolve(Database.FILE_NAME));
        outbox = new Outbox(db, config.outbox(), scan, clock);
        enrolment = new EnrolmentStore(db);
    }

    public void reopen() throws SQLException {
        db.close();
        open();
    }

    public void withLimits(OutboxLimits limits) {
        config = config.withOutbox(limits);
        outbox = new Outbox(db, limits, scan, clock);
    }

    public void enrol(URI collector) throws SQLException {
        enrolment.save(new DeviceCredentials(collector, DEVICE, CLUB, FakeCollector.TOKEN, clock.instant()));
    }

    public Uploader uploader() {
        return new Uploader(
                outbox,
                enrolment,
                db,
                CollectorHttp.client(config),
                config.collectorUrl().orElseThrow(),
                new Backoff(config.initialBackoff(), config.maxBackoff(), random),
                clock,
                config.maxBatchesPerRound());
    }

    /** Seals a small batch of {@code kind} with a valid-looking envelope. */
    public SealInfo sealSample(BatchKind kind) throws SQLException {
        Instant hour = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        return outbox.seal(
                kind,
                info -> ("{\"schemaVersion\":1,\"batchId\":\"" + info.batchId() + "\",\"deviceId\":\""
                                + DEVICE + "\",\"clubId\":\"" + CLUB + "\",\"periodFrom\":\"" + hour
                                + "\",\"sequence\":"
                                + info.sequence() + ",\"evicted\":{\"usageBatches\":" + info.evicted(BatchKind.USAGE)
                                + ",\"healthBatches\":" + info.evicted(BatchKind.HEALTH) + "},\"kind\":\"" + kind
                                + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
