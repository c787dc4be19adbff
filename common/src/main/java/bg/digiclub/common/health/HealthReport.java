package bg.digiclub.common.health;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A PC's overall health and each check, as of {@code sampledAt}. */
public record HealthReport(HealthStatus overall, Instant sampledAt, List<CheckReport> checks) {
    public HealthReport {
        Objects.requireNonNull(overall, "overall");
        checks = List.copyOf(checks);
    }
}
