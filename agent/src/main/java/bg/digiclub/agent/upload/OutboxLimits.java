package bg.digiclub.agent.upload;

import java.time.Duration;
import java.util.Objects;

import bg.digiclub.common.batch.BatchKind;

/**
 * Bounds of the outbox, so that a PC offline for months does not fill its disk.
 *
 * @param healthMaxAge   health batches older than this are evicted
 * @param usageMaxAge    usage batches older than this are evicted
 * @param maxTotalBytes  over this many payload bytes, the oldest batches are evicted: quarantined
 *                       ones first, then health, usage last
 * @param maxBatchBytes  a single batch (gzip) may not be larger: the collector's intake limit
 */
public record OutboxLimits(Duration healthMaxAge, Duration usageMaxAge, long maxTotalBytes, int maxBatchBytes) {
    public static final OutboxLimits DEFAULT =
            new OutboxLimits(Duration.ofDays(30), Duration.ofDays(400), 32L << 20, 256 << 10);

    public OutboxLimits {
        Objects.requireNonNull(healthMaxAge, "healthMaxAge");
        Objects.requireNonNull(usageMaxAge, "usageMaxAge");
        if (healthMaxAge.isNegative() || healthMaxAge.isZero() || usageMaxAge.isNegative() || usageMaxAge.isZero()) {
            throw new IllegalArgumentException("outbox max ages must be positive");
        }
        if (maxBatchBytes <= 0 || maxTotalBytes < maxBatchBytes) {
            throw new IllegalArgumentException("maxTotalBytes (" + maxTotalBytes + ") must be at least maxBatchBytes ("
                    + maxBatchBytes + ") and both positive");
        }
    }

    public Duration maxAge(BatchKind kind) {
        return kind == BatchKind.HEALTH ? healthMaxAge : usageMaxAge;
    }
}
