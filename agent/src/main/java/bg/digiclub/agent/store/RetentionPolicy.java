package bg.digiclub.agent.store;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the store keeps what.
 *
 * @param raw    raw readings (default 7 days)
 * @param hourly hourly summaries (default 400 days)
 * @param alerts alert events, counted from their end (default 400 days)
 */
public record RetentionPolicy(Duration raw, Duration hourly, Duration alerts) {
    public static final RetentionPolicy DEFAULT =
            new RetentionPolicy(Duration.ofDays(7), Duration.ofDays(400), Duration.ofDays(400));

    public RetentionPolicy {
        requireAtLeastAnHour(raw, "raw");
        requireAtLeastAnHour(hourly, "hourly");
        requireAtLeastAnHour(alerts, "alerts");
    }

    private static void requireAtLeastAnHour(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.compareTo(Duration.ofHours(1)) < 0) {
            throw new IllegalArgumentException("retention of " + name + " must be at least 1 hour, was " + d);
        }
    }
}
