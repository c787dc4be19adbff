package bg.digiclub.agent.health;

import java.time.Instant;
import java.util.Objects;

import bg.digiclub.common.health.HealthStatus;

/**
 * A health check (or the PC's overall status, check name {@code overall}) changed status.
 * Each change ends the alert event of the old status and starts one for the new.
 */
public record StatusChange(String check, HealthStatus from, HealthStatus to, Instant at, String detail) {
    public static final String OVERALL = "overall";

    public StatusChange {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(detail, "detail");
    }
}
