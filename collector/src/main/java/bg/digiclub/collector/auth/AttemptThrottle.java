package bg.digiclub.collector.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing: once {@code freeFailures} failures for one key (a user name, an
 * address) happened within {@code window}, that key is refused until a lock-out has passed; the lock-out
 * doubles with every further failure, up to {@code maxLockout}. A success clears the key.
 */
public final class AttemptThrottle {
    private final Clock clock;
    private final int freeFailures;
    private final Duration window;
    private final Duration firstLockout;
    private final Duration maxLockout;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public AttemptThrottle(Clock clock, int freeFailures, Duration window, Duration firstLockout, Duration maxLockout) {
        if (freeFailures < 0) {
            throw new IllegalArgumentException("freeFailures must be 0 or more, was " + freeFailures);
        }
        if (firstLockout.compareTo(maxLockout) > 0) {
            throw new IllegalArgumentException(
                    "the first lockout (" + firstLockout + ") is longer than the longest (" + maxLockout + ")");
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.freeFailures = freeFailures;
        this.window = Objects.requireNonNull(window, "window");
        this.firstLockout = firstLockout;
        this.maxLockout = maxLockout;
    }

    /** The time left before the key may try again, or empty if it may try now. */
    public Optional<Duration> lockedFor(String key) {
        Failures f = failures.get(key);
        Instant now = clock.instant();
        if (f == null || f.lockedUntil == null || !now.isBefore(f.lockedUntil)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, f.lockedUntil));
    }

    public void failed(String key) {
        Instant now = clock.instant();
        failures.compute(key, (k, f) -> {
            if (f == null || Duration.between(f.first, now).compareTo(window) > 0) {
                f = new Failures(now);
            }
            f.count++;
            int over = f.count - freeFailures + 1;
            if (over > 0) {
                Duration lockout = firstLockout.multipliedBy(1L << Math.min(over - 1, 20));
                f.lockedUntil = now.plus(lockout.compareTo(maxLockout) > 0 ? maxLockout : lockout);
            }
            return f;
        });
        if (failures.size() > 100_000) {
            // bounded memory under a flood of distinct keys: forget those whose window passed
            failures.values()
                    .removeIf(f -> Duration.between(f.first, now).compareTo(window) > 0
                            && (f.lockedUntil == null || now.isAfter(f.lockedUntil)));
        }
    }

    public void succeeded(String key) {
        failures.remove(key);
    }

    private static final class Failures {
        final Instant first;
        int count;
        Instant lockedUntil;

        Failures(Instant first) {
            this.first = first;
        }
    }
}
