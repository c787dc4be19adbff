package bg.digiclub.agent.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One point of a metric's history. A raw point is one reading ({@code min == avg == max},
 * {@code count == 1}); an hourly point summarizes the readings of the hour starting at {@code at}.
 *
 * @param metric     the metric name
 * @param at         the reading's time, or the start of the hour
 * @param resolution raw reading or hourly summary
 * @param min        smallest reading
 * @param avg        mean of the readings
 * @param max        largest reading
 * @param count      how many readings
 */
public record HistoryPoint(
        String metric, Instant at, Resolution resolution, double min, double avg, double max, long count) {
    public HistoryPoint {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(resolution, "resolution");
    }

    static HistoryPoint raw(String metric, Instant at, double value) {
        return new HistoryPoint(metric, at, Resolution.RAW, value, value, value, 1);
    }

    /** How much one point covers. */
    public enum Resolution {
        /** One reading. */
        RAW,
        /** One hour of readings. */
        HOURLY
    }
}
