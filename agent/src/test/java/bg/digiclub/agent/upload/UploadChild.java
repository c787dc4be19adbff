package bg.digiclub.agent.upload;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Random;

import bg.digiclub.agent.store.Database;
import bg.digiclub.common.batch.BatchKind;

/**
 * A separate agent process for {@link KilledMidUploadTest}: sends the outbox of the database in
 * {@code args[0]} to the collector at {@code args[1]} until it is empty, then exits 0.
 */
public final class UploadChild {
    private UploadChild() {}

    public static void main(String[] args) throws Exception {
        UploadConfig config =
                UploadConfig.defaults(URI.create(args[1])).withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(60));
        try (Database db = Database.open(Path.of(args[0]))) {
            Outbox outbox = new Outbox(db, config.outbox(), ScanningPrivacyGuard.none(), Clock.systemUTC());
            Uploader uploader = new Uploader(
                    outbox,
                    new EnrolmentStore(db),
                    db,
                    CollectorHttp.client(config),
                    config.collectorUrl().orElseThrow(),
                    new Backoff(Duration.ofMillis(10), Duration.ofMillis(50), new Random(1)),
                    Clock.systemUTC(),
                    1);
            System.out.println("child: sending");
            while (!outbox.sendable(EnumSet.allOf(BatchKind.class), java.time.Instant.ofEpochMilli(Long.MAX_VALUE), 1)
                    .isEmpty()) {
                UploadRound round = uploader.send(EnumSet.allOf(BatchKind.class), true);
                System.out.println("child: " + round);
                if (round.outcome() == UploadRound.Outcome.NEEDS_REENROLMENT
                        || round.outcome() == UploadRound.Outcome.NOT_ENROLLED) {
                    System.exit(3);
                }
            }
        }
        System.out.println("child: outbox empty");
    }
}
