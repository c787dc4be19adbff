package bg.digiclub.agent.health.check;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.DoubleFunction;
import java.util.function.Predicate;

import bg.digiclub.agent.health.HealthSample;
import bg.digiclub.agent.health.Metric;

/**
 * Builds the checks: which metrics each one reads and how its value reads in plain words.
 * The checks every PC has are made once; disk, SMART and fan checks when their metrics appear.
 */
final class CheckCatalog {
    private final HealthThresholds thresholds;

    CheckCatalog(HealthThresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** The checks every PC has; UNKNOWN where the hardware does not report them. */
    List<HealthCheck> fixedChecks() {
        return List.of(
                cpuTemperature(),
                memory(),
                swap(),
                new BatteryChargeCheck(thresholds.batteryChargePercent()),
                batteryHealth(),
                uptime());
    }

    /** Free space of the file system mounted at {@code mount}; present while any of its metrics is. */
    HealthCheck disk(String mount) {
        return new ThresholdCheck(
                CheckNames.disk(mount),
                thresholds.diskFreePercent(),
                Direction.LOW_IS_BAD,
                sample -> diskFree(sample, mount),
                level -> PlainWords.percent(level) + " free",
                sample -> sample.metrics().containsKey(Metric.fsFreePct(mount))
                        || sample.metrics().containsKey(Metric.fsFreeBytes(mount))
                        || sample.metrics().containsKey(Metric.fsTotalBytes(mount)));
    }

    HealthCheck smart(String disk) {
        return new SmartCheck(disk, thresholds.smartMinDuration());
    }

    HealthCheck fan(int number) {
        return new FanCheck(number, thresholds.fan());
    }

    private static Optional<ThresholdCheck.Measured> diskFree(HealthSample sample, String mount) {
        OptionalDouble total = Readings.positive(sample, Metric.fsTotalBytes(mount));
        OptionalDouble freePct = Readings.finite(sample, Metric.fsFreePct(mount));
        if (freePct.isEmpty()) {
            OptionalDouble freeBytes = Readings.finite(sample, Metric.fsFreeBytes(mount));
            if (freeBytes.isEmpty() || total.isEmpty()) {
                return Optional.empty();
            }
            freePct = OptionalDouble.of(100 * freeBytes.getAsDouble() / total.getAsDouble());
        }
        double pct = freePct.getAsDouble();
        Map<String, Double> facts = withTotal(Map.of("freePercent", pct), total);
        OptionalDouble freeBytes = Readings.finite(sample, Metric.fsFreeBytes(mount));
        if (freeBytes.isPresent() && facts.containsKey("totalBytes")) {
            facts.put("freeBytes", freeBytes.getAsDouble());
        }
        return Optional.of(new ThresholdCheck.Measured(pct, PlainWords.percent(pct) + " free" + ofTotal(total), facts));
    }

    private HealthCheck cpuTemperature() {
        return new ThresholdCheck(
                CheckNames.CPU_TEMPERATURE,
                thresholds.cpuTemperatureC(),
                Direction.HIGH_IS_BAD,
                // a sensor reading 0.0 means "no sensor", not a frozen processor
                sample -> measured(
                        Readings.positive(sample, Metric.CPU_TEMPERATURE_C),
                        PlainWords::celsius,
                        celsius -> Map.of("celsius", celsius)),
                PlainWords::celsius,
                always());
    }

    private HealthCheck memory() {
        return new ThresholdCheck(
                CheckNames.MEMORY,
                thresholds.memoryUsedPercent(),
                Direction.HIGH_IS_BAD,
                sample -> {
                    OptionalDouble total = Readings.positive(sample, Metric.MEM_TOTAL_BYTES);
                    OptionalDouble used = Readings.finite(sample, Metric.MEM_USED_PCT);
                    OptionalDouble available = Readings.finite(sample, Metric.MEM_AVAILABLE_BYTES);
                    if (used.isEmpty() && total.isPresent() && available.isPresent()) {
                        used = OptionalDouble.of(100 * (1 - available.getAsDouble() / total.getAsDouble()));
                    }
                    return measured(
                            used,
                            pct -> PlainWords.percent(pct) + " used" + ofTotal(total),
                            pct -> withTotal(Map.of("percent", pct), total));
                },
                level -> PlainWords.percent(level) + " used",
                always());
    }

    private HealthCheck swap() {
        return new ThresholdCheck(
                CheckNames.SWAP,
                thresholds.swapUsedPercent(),
                Direction.HIGH_IS_BAD,
                sample -> {
                    OptionalDouble total = Readings.finite(sample, Metric.SWAP_TOTAL_BYTES);
                    if (total.isPresent() && total.getAsDouble() <= 0) {
                        return Optional.empty(); // no swap configured: nothing to judge
                    }
                    return measured(
                            Readings.finite(sample, Metric.SWAP_USED_PCT),
                            pct -> PlainWords.percent(pct) + " used" + ofTotal(total),
                            pct -> withTotal(Map.of("percent", pct), total));
                },
                level -> PlainWords.percent(level) + " used",
                always());
    }

    private HealthCheck batteryHealth() {
        return new ThresholdCheck(
                CheckNames.BATTERY_HEALTH,
                thresholds.batteryHealthPercent(),
                Direction.LOW_IS_BAD,
                sample -> measured(
                        Readings.finite(sample, Metric.BATTERY_HEALTH_PCT),
                        pct -> PlainWords.percent(pct) + " of its capacity when new",
                        pct -> Map.of("percent", pct)),
                PlainWords::percent,
                always());
    }

    private HealthCheck uptime() {
        return new ThresholdCheck(
                CheckNames.UPTIME,
                thresholds.uptimeDays(),
                Direction.HIGH_IS_BAD,
                sample -> {
                    OptionalDouble seconds = Readings.finite(sample, Metric.UPTIME_S);
                    if (seconds.isEmpty() || seconds.getAsDouble() < 0) {
                        return Optional.empty();
                    }
                    double s = seconds.getAsDouble();
                    return Optional.of(new ThresholdCheck.Measured(
                            s / Duration.ofDays(1).toSeconds(),
                            PlainWords.age(Duration.ofSeconds((long) s)) + " since restart",
                            Map.of("seconds", s)));
                },
                PlainWords::days,
                always());
    }

    private static Optional<ThresholdCheck.Measured> measured(
            OptionalDouble value, DoubleFunction<String> words, DoubleFunction<Map<String, Double>> facts) {
        return value.isPresent()
                ? Optional.of(new ThresholdCheck.Measured(
                        value.getAsDouble(), words.apply(value.getAsDouble()), facts.apply(value.getAsDouble())))
                : Optional.empty();
    }

    /** The facts with {@code totalBytes} added when the total is known, in a map the caller may extend. */
    private static Map<String, Double> withTotal(Map<String, Double> facts, OptionalDouble totalBytes) {
        Map<String, Double> all = new HashMap<>(facts);
        if (totalBytes.isPresent() && totalBytes.getAsDouble() > 0) {
            all.put("totalBytes", totalBytes.getAsDouble());
        }
        return all;
    }

    private static String ofTotal(OptionalDouble totalBytes) {
        return totalBytes.isPresent() && totalBytes.getAsDouble() > 0
                ? " of " + PlainWords.bytes(totalBytes.getAsDouble())
                : "";
    }

    private static Predicate<HealthSample> always() {
        return sample -> true;
    }
}
