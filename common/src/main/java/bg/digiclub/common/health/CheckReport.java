package bg.digiclub.common.health;

import java.time.Instant;
import java.util.Objects;

/**
 * One health check's current state, as the agent tells it to the kiosk's staff panel.
 *
 * @param name   stable check name, e.g. {@code disk:/}, {@code cpu-temperature}
 * @param status current status
 * @param value  the measured value in plain words with its unit ("7 % free", "not available")
 * @param since  when the check entered this status
 */
public record CheckReport(String name, HealthStatus status, String value, Instant since) {
    public CheckReport {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(value, "value");
    }
}
