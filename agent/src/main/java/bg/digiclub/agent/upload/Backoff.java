package bg.digiclub.agent.upload;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: after the n-th consecutive failure wait a uniformly
 * random time in {@code [0, min(max, initial * 2^(n-1))]}. Full jitter spreads the retries of
 * a municipality's PCs after a collector outage instead of having them all return together.
 * A {@code Retry-After} from the collector is honoured: the wait is never shorter than it.
 * There is no last attempt: the uploader never gives up by time.
 */
public final class Backoff {
    private final Duration initial;
    private final Duration max;
    private final RandomGenerator random;

    public Backoff(Duration initial, Duration max, RandomGenerator random) {
        this.initial = Objects.requireNonNull(initial, "initial");
        this.max = Objects.requireNonNull(max, "max");
        this.random = Objects.requireNonNull(random, "random");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, was " + initial + ", " + max);
        }
    }

    /** The ceiling of the wait after {@code failures} consecutive failures (1 = the first). */
    public Duration ceiling(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1, was " + failures);
        }
        int shift = Math.min(failures - 1, 40);
        long millis = initial.toMillis();
        long capped = millis > (max.toMillis() >> shift) ? max.toMillis() : millis << shift;
        return Duration.ofMillis(Math.min(capped, max.toMillis()));
    }

    /** How long to wait after {@code failures} consecutive failures, at least {@code retryAfter}. */
    public Duration delay(int failures, Optional<Duration> retryAfter) {
        Duration jittered = Duration.ofMillis(random.nextLong(ceiling(failures).toMillis() + 1));
        return retryAfter.filter(r -> r.compareTo(jittered) > 0).orElse(jittered);
    }
}
