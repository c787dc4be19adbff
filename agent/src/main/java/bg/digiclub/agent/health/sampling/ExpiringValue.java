package bg.digiclub.agent.health.sampling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value fetched by a slow or rarely-changing query, kept for a time-to-live and fetched again on
 * the first {@link #get()} after it expires. Time comes from an injected {@link Clock}; a clock that
 * jumps backwards also expires the value, so a corrected system time never pins a stale value.
 *
 * <p>Not thread-safe: used from the sampling thread only.
 *
 * @param <T> the value's type
 */
public final class ExpiringValue<T> {
    private final Supplier<T> query;
    private final Duration ttl;
    private final Clock clock;
    private T value;
    private Instant fetchedAt;

    public ExpiringValue(Supplier<T> query, Duration ttl, Clock clock) {
        this.query = Objects.requireNonNull(query, "query");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must not be negative: " + ttl);
        }
    }

    /** The kept value, or a freshly queried one if there is none yet or it has expired. */
    public T get() {
        Instant now = clock.instant();
        if (fetchedAt == null || now.isBefore(fetchedAt) || !now.isBefore(fetchedAt.plus(ttl))) {
            value = query.get();
            fetchedAt = now;
        }
        return value;
    }

    /** Forgets the kept value: the next {@link #get()} queries again. */
    public void invalidate() {
        fetchedAt = null;
        value = null;
    }
}
