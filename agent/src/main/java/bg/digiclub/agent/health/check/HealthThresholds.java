package bg.digiclub.agent.health.check;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Every threshold of the health checks, validated once when constructed: a bad value throws
 * {@link IllegalArgumentException} (a missing one {@link NullPointerException}) whose message
 * names the field, e.g. {@code memoryUsedPercent.crit}.
 *
 * <table>
 * <caption>Checks, directions and defaults</caption>
 * <tr><th>field</th><th>check</th><th>bad when</th><th>default</th></tr>
 * <tr><td>diskFreePercent</td><td>{@code disk:<mount>}</td><td>low</td>
 *     <td>WARN &lt; 10 %, CRIT &lt; 5 %, margin 2, at once</td></tr>
 * <tr><td>cpuTemperatureC</td><td>{@code cpu-temperature}</td><td>high</td>
 *     <td>WARN &gt; 80 °C, CRIT &gt; 90 °C, margin 5, for 1 min</td></tr>
 * <tr><td>memoryUsedPercent</td><td>{@code memory}</td><td>high</td>
 *     <td>WARN &gt; 90 %, CRIT &gt; 97 %, margin 5, for 5 min</td></tr>
 * <tr><td>swapUsedPercent</td><td>{@code swap}</td><td>high</td>
 *     <td>WARN &gt; 80 %, no CRIT, margin 10, for 10 min</td></tr>
 * <tr><td>batteryHealthPercent</td><td>{@code battery-health}</td><td>low</td>
 *     <td>WARN &lt; 60 %, no CRIT, margin 2, at once</td></tr>
 * <tr><td>batteryChargePercent</td><td>{@code battery-charge} (on battery only)</td><td>low</td>
 *     <td>WARN &lt; 20 %, CRIT &lt; 10 %, margin 5, at once</td></tr>
 * <tr><td>uptimeDays</td><td>{@code uptime}</td><td>high</td>
 *     <td>WARN &gt; 14 days ("restart recommended"), no CRIT, margin 0, at once</td></tr>
 * <tr><td>smartMinDuration</td><td>{@code smart:<disk>}</td><td>SMART says FAILED</td>
 *     <td>CRIT at once</td></tr>
 * <tr><td>fan</td><td>{@code fan:<n>}</td><td>stopped after being seen spinning</td>
 *     <td>below 100 rpm for 2 min while the CPU is at least 50 °C (or its temperature is unknown)</td></tr>
 * </table>
 *
 * @param diskFreePercent      free space of each file system, percent of its size
 * @param cpuTemperatureC      processor temperature, °C
 * @param memoryUsedPercent    memory (RAM) in use, percent
 * @param swapUsedPercent      swap space in use, percent
 * @param batteryHealthPercent full-charge capacity as a percent of the design capacity
 * @param batteryChargePercent battery charge while running on battery, percent
 * @param uptimeDays           days since the PC was started
 * @param smartMinDuration     how long SMART must report FAILED before CRIT
 * @param fan                  when a stopped fan is WARN
 */
public record HealthThresholds(
        Levels diskFreePercent,
        Levels cpuTemperatureC,
        Levels memoryUsedPercent,
        Levels swapUsedPercent,
        Levels batteryHealthPercent,
        Levels batteryChargePercent,
        Levels uptimeDays,
        Duration smartMinDuration,
        FanRule fan) {

    private static final double MAX_TEMPERATURE_C = 150;
    private static final double MAX_UPTIME_DAYS = 3650;

    public HealthThresholds {
        checkLevels("diskFreePercent", diskFreePercent, Direction.LOW_IS_BAD, 100);
        checkLevels("cpuTemperatureC", cpuTemperatureC, Direction.HIGH_IS_BAD, MAX_TEMPERATURE_C);
        checkLevels("memoryUsedPercent", memoryUsedPercent, Direction.HIGH_IS_BAD, 100);
        checkLevels("swapUsedPercent", swapUsedPercent, Direction.HIGH_IS_BAD, 100);
        checkLevels("batteryHealthPercent", batteryHealthPercent, Direction.LOW_IS_BAD, 100);
        checkLevels("batteryChargePercent", batteryChargePercent, Direction.LOW_IS_BAD, 100);
        checkLevels("uptimeDays", uptimeDays, Direction.HIGH_IS_BAD, MAX_UPTIME_DAYS);
        checkDuration("smartMinDuration", smartMinDuration);
        checkFan(fan);
    }

    /** The defaults listed in the class comment. */
    public static HealthThresholds defaults() {
        return new HealthThresholds(
                Levels.warnAndCrit(10, 5, 2, Duration.ZERO),
                Levels.warnAndCrit(80, 90, 5, Duration.ofMinutes(1)),
                Levels.warnAndCrit(90, 97, 5, Duration.ofMinutes(5)),
                Levels.warnOnly(80, 10, Duration.ofMinutes(10)),
                Levels.warnOnly(60, 2, Duration.ZERO),
                Levels.warnAndCrit(20, 10, 5, Duration.ZERO),
                Levels.warnOnly(14, 0, Duration.ZERO),
                Duration.ZERO,
                new FanRule(100, 50, Duration.ofMinutes(2)));
    }

    /** A builder starting from {@link #defaults()}; set only what the configuration changes. */
    public static Builder builder() {
        return new Builder(defaults());
    }

    /** A builder starting from these thresholds. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Levels are all within {@code 0..max}; CRIT is beyond WARN; the clear level stays in range. */
    private static void checkLevels(String field, Levels levels, Direction direction, double max) {
        Objects.requireNonNull(levels, field);
        checkInRange(field + ".warn", levels.warn(), max);
        Objects.requireNonNull(levels.crit(), field + ".crit");
        if (levels.crit().isPresent()) {
            double crit = levels.crit().getAsDouble();
            checkInRange(field + ".crit", crit, max);
            if (!direction.beyond(crit, levels.warn())) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "%s.crit must be %s %s.warn (%s), got %s",
                        field,
                        direction.word(),
                        field,
                        num(levels.warn()),
                        num(crit)));
            }
        }
        double margin = levels.clearMargin();
        if (!Double.isFinite(margin) || margin < 0) {
            throw new IllegalArgumentException(field + ".clearMargin must be 0 or more, got " + num(margin));
        }
        double clearLevel = direction.clearLevel(levels.warn(), margin);
        if (clearLevel < 0 || clearLevel > max) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "%s.clearMargin (%s) puts the level where WARN clears at %s, outside 0..%s",
                    field,
                    num(margin),
                    num(clearLevel),
                    num(max)));
        }
        checkDuration(field + ".minDuration", levels.minDuration());
    }

    private static void checkInRange(String field, double value, double max) {
        if (!Double.isFinite(value) || value < 0 || value > max) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "%s must be between 0 and %s, got %s", field, num(max), num(value)));
        }
    }

    private static void checkDuration(String field, Duration duration) {
        Objects.requireNonNull(duration, field);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(field + " must not be negative, got " + duration);
        }
    }

    private static void checkFan(FanRule fan) {
        Objects.requireNonNull(fan, "fan");
        if (!Double.isFinite(fan.stoppedBelowRpm()) || fan.stoppedBelowRpm() <= 0) {
            throw new IllegalArgumentException(
                    "fan.stoppedBelowRpm must be above 0, got " + num(fan.stoppedBelowRpm()));
        }
        checkInRange("fan.quietBelowC", fan.quietBelowC(), MAX_TEMPERATURE_C);
        checkDuration("fan.minDuration", fan.minDuration());
    }

    /** A number as a person would write it in a configuration file: 100, 2.5, NaN. */
    private static String num(double value) {
        return Double.isFinite(value)
                ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
                : String.valueOf(value);
    }

    /** Changes some thresholds; {@link #build()} validates them all. */
    public static final class Builder {
        private Levels diskFreePercent;
        private Levels cpuTemperatureC;
        private Levels memoryUsedPercent;
        private Levels swapUsedPercent;
        private Levels batteryHealthPercent;
        private Levels batteryChargePercent;
        private Levels uptimeDays;
        private Duration smartMinDuration;
        private FanRule fan;

        private Builder(HealthThresholds from) {
            diskFreePercent = from.diskFreePercent;
            cpuTemperatureC = from.cpuTemperatureC;
            memoryUsedPercent = from.memoryUsedPercent;
            swapUsedPercent = from.swapUsedPercent;
            batteryHealthPercent = from.batteryHealthPercent;
            batteryChargePercent = from.batteryChargePercent;
            uptimeDays = from.uptimeDays;
            smartMinDuration = from.smartMinDuration;
            fan = from.fan;
        }

        public Builder diskFreePercent(Levels levels) {
            diskFreePercent = levels;
            return this;
        }

        public Builder cpuTemperatureC(Levels levels) {
            cpuTemperatureC = levels;
            return this;
        }

        public Builder memoryUsedPercent(Levels levels) {
            memoryUsedPercent = levels;
            return this;
        }

        public Builder swapUsedPercent(Levels levels) {
            swapUsedPercent = levels;
            return this;
        }

        public Builder batteryHealthPercent(Levels levels) {
            batteryHealthPercent = levels;
            return this;
        }

        public Builder batteryChargePercent(Levels levels) {
            batteryChargePercent = levels;
            return this;
        }

        public Builder uptimeDays(Levels levels) {
            uptimeDays = levels;
            return this;
        }

        public Builder smartMinDuration(Duration duration) {
            smartMinDuration = duration;
            return this;
        }

        public Builder fan(FanRule rule) {
            fan = rule;
            return this;
        }

        public HealthThresholds build() {
            return new HealthThresholds(
                    diskFreePercent,
                    cpuTemperatureC,
                    memoryUsedPercent,
                    swapUsedPercent,
                    batteryHealthPercent,
                    batteryChargePercent,
                    uptimeDays,
                    smartMinDuration,
                    fan);
        }
    }
}
