package bg.digiclub.common.health;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One health check's current state, as the agent tells it to the kiosk's staff panel.
 *
 * <p>{@code value} is English, for the CLI, logs and JSON readers; {@code facts} carries the same
 * measurement as numbers so that the kiosk can say it in the visitor's language. Fact keys (each
 * present only when known; flags are 1 for yes, 0 for no):
 * <ul>
 *   <li>{@code available} — 0 when the hardware does not report the check ("not available")</li>
 *   <li>{@code freePercent}, {@code freeBytes}, {@code totalBytes} — disk free space</li>
 *   <li>{@code percent}, {@code totalBytes} — memory or swap used, battery charge or health</li>
 *   <li>{@code onBattery} — battery charge: 1 on battery, 0 on mains power</li>
 *   <li>{@code celsius} — processor temperature</li>
 *   <li>{@code seconds} — uptime, seconds since the last restart</li>
 *   <li>{@code smartOk} — SMART self-assessment: 1 passed, 0 failed</li>
 *   <li>{@code rpm}, {@code stopped}, {@code seenRunning} — a cooling fan</li>
 * </ul>
 * An agent older than the facts sends none: readers fall back to {@code value}.
 *
 * @param name   stable check name, e.g. {@code disk:/}, {@code cpu-temperature}
 * @param status current status
 * @param value  the measured value in plain English words with its unit ("7 % free", "not available")
 * @param since  when the check entered this status
 * @param facts  the measurement as numbers by fact key; null (absent in older JSON) reads as empty
 */
public record CheckReport(String name, HealthStatus status, String value, Instant since, Map<String, Double> facts) {
    public CheckReport {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(value, "value");
        facts = facts == null ? Map.of() : Map.copyOf(facts);
    }

    /** A report without facts: readers show {@code value} as it is. */
    public CheckReport(String name, HealthStatus status, String value, Instant since) {
        this(name, status, value, since, Map.of());
    }
}
