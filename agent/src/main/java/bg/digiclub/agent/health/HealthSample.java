package bg.digiclub.agent.health;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One reading of the PC's health. Every numeric reading is a named metric (see {@link Metric});
 * a metric the hardware does not report is simply absent — "not available", never 0.
 *
 * @param at           when the sample was taken
 * @param metrics      metric name to value
 * @param topByCpu     the processes using most CPU (stays on the PC)
 * @param topByMemory  the processes using most memory (stays on the PC)
 */
public record HealthSample(
        Instant at, Map<String, Double> metrics, List<ProcessUsage> topByCpu, List<ProcessUsage> topByMemory) {
    public HealthSample {
        Objects.requireNonNull(at, "at");
        metrics = Map.copyOf(metrics);
        topByCpu = List.copyOf(topByCpu);
        topByMemory = List.copyOf(topByMemory);
    }

    /** The value of {@code metric}, empty if the hardware did not report it. */
    public OptionalDouble metric(String metric) {
        Double v = metrics.get(metric);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** One process in a top list. */
    public record ProcessUsage(int pid, String name, double cpuPercent, long residentBytes) {}
}
