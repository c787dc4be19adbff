package bg.digiclub.agent.usage;

import java.time.LocalDate;
import java.util.Map;
import java.util.OptionalDouble;

import bg.digiclub.common.health.HealthStatus;

/** One device-day of health (docs/protocol.md, {@code health.days[]}); check names already made safe. */
public record HealthDayTotals(
        LocalDate day,
        Map<String, HealthStatus> worst,
        OptionalDouble minFreeDiskPercent,
        OptionalDouble maxCpuTemperatureCelsius,
        int alertCount,
        int uptimeMinutes) {
    public HealthDayTotals {
        worst = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(worst)); // sorted: a stable payload
    }
}
