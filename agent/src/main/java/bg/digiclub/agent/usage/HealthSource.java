package bg.digiclub.agent.usage;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import bg.digiclub.common.health.HealthReport;
import bg.digiclub.common.health.HealthStatus;

/**
 * The health store and checks, as the aggregation reads them. An adapter over
 * {@code bg.digiclub.agent.store} (samples, alerts) and the health checks (current status).
 */
public interface HealthSource {
    /** When health samples were taken in {@code [from, to)} (the agent was running then). */
    List<Instant> sampleTimes(Instant from, Instant to) throws SQLException;

    /** The PC's current overall status and each check's; empty before the first sample. */
    Optional<HealthReport> current() throws SQLException;

    /** The worst status each check had at any time in {@code [from, to)}. */
    Map<String, HealthStatus> worstStatus(Instant from, Instant to) throws SQLException;

    /** The lowest free-space percentage of any disk in {@code [from, to)}; empty if not measured. */
    OptionalDouble minFreeDiskPercent(Instant from, Instant to) throws SQLException;

    /** The highest CPU temperature in {@code [from, to)}; empty if there is no sensor. */
    OptionalDouble maxCpuTemperatureCelsius(Instant from, Instant to) throws SQLException;

    /** Changes of a check (not of the overall status, which would count them twice) to WARN or CRIT in {@code [from, to)}. */
    int alertCount(Instant from, Instant to) throws SQLException;
}
