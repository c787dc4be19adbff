package bg.digiclub.testsupport;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * How long a test waits for something that happens in another thread or process: Awaitility
 * with one generous limit. The limit is a failure condition, not a speed limit: the machines that
 * run the tests are small and shared, and a wait that merely took long must not fail a test.
 * Performance goals are benchmarks ({@code docs/benchmarks.md}), never a test's timeout.
 */
public final class Patience {
    /** Long enough for a child JVM to start on a busy two-core machine many times over. */
    public static final Duration LIMIT = Duration.ofMinutes(2);

    private Patience() {}

    /** Waits for {@code what} (named in the failure message), polling every 50 ms for up to {@link #LIMIT}. */
    public static ConditionFactory await(String what) {
        return Awaitility.await(what).atMost(LIMIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50));
    }
}
