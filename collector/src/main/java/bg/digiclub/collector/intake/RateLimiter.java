package bg.digiclub.collector.intake;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key (a device id): {@code burst} requests at once, refilled at
 * {@code perSecond}. A device catching up after weeks offline drains its outbox at the refill
 * rate, honouring Retry-After, without starving the others.
 */
public final class RateLimiter {
    private final Clock clock;
    private final double perSecond;
    private final double burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(Clock clock, double perSecond, int burst) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate must be positive and burst at least 1");
        }
        this.clock = clock;
        this.perSecond = perSecond;
        this.burst = burst;
    }

    /** A wait as a Retry-After header writes it: whole seconds, rounded up, at least 1. */
    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /** Takes one token; if none is left, returns how long until the next one. */
    public Optional<Duration> acquire(String key) {
        long nowNanos = clock.millis() * 1_000_000L;
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, nowNanos));
        synchronized (bucket) {
            double elapsedSeconds = Math.max(0, nowNanos - bucket.updatedNanos) / 1e9;
            bucket.tokens = Math.min(burst, bucket.tokens + elapsedSeconds * perSecond);
            bucket.updatedNanos = nowNanos;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return Optional.empty();
            }
            double waitSeconds = (1 - bucket.tokens) / perSecond;
            return Optional.of(Duration.ofMillis((long) Math.ceil(waitSeconds * 1000)));
        }
    }

    private static final class Bucket {
        double tokens;
        long updatedNanos;

        Bucket(double tokens, long updatedNanos) {
            this.tokens = tokens;
            this.updatedNanos = updatedNanos;
        }
    }
}
