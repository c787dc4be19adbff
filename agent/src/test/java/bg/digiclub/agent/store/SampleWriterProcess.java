package bg.digiclub.agent.store;

import java.nio.file.Path;
import java.time.Instant;

import bg.digiclub.agent.health.HealthSample;
import bg.digiclub.testsupport.TestClock;

/**
 * The child process of {@link CrashSafetyTest} and {@link ReaderProcessTest}: opens the store
 * the way the agent does, then appends {@link RealisticSamples} one every simulated 30 s,
 * running {@link Retention} every 20 samples, and prints {@code committed <n>} after each
 * append has returned. It continues after the newest sample already stored, and stops at
 * sample {@code limit} (below 7 simulated days, so no raw reading is ever deleted and the
 * test can find every one).
 *
 * <p>Arguments: data directory, limit.
 */
public final class SampleWriterProcess {
    static final Instant BASE = Instant.parse("2026-03-01T00:00:00Z");
    static final long STEP_SECONDS = 30;
    static final String COMMITTED = "committed ";

    private SampleWriterProcess() {}

    static Instant timeOf(long n) {
        return BASE.plusSeconds(n * STEP_SECONDS);
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        long limit = Long.parseLong(args[1]);
        TestClock clock = new TestClock(BASE);
        try (Database db = new DatabaseOpener(dataDir, clock).open()) {
            SampleStore store = new SampleStore(db, clock);
            Retention retention = new Retention(db, clock);
            long next = store.latest()
                    .map(s -> (s.at().getEpochSecond() - BASE.getEpochSecond()) / STEP_SECONDS + 1)
                    .orElse(0L);
            for (long n = next; n < limit; n++) {
                Instant at = timeOf(n);
                clock.set(at);
                HealthSample sample = RealisticSamples.sample(n, at);
                store.append(sample);
                System.out.println(COMMITTED + n);
                System.out.flush();
                if (n % 20 == 0) {
                    retention.run();
                }
            }
        }
        System.out.println("done");
    }
}
