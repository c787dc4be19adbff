package bg.digiclub.agent.health.check;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;

import bg.digiclub.common.config.ConfigException;
import bg.digiclub.common.config.ConfigProperties;

/**
 * Reads the health thresholds from the {@code health.*} keys. Each numeric check has
 * {@code health.<check>.warn}, {@code .crit} ({@code off} for none), {@code .clear-margin} and
 * {@code .min-duration-seconds}; a key left out keeps the default of
 * {@link HealthThresholds#defaults()}. A threshold that contradicts another (CRIT not beyond
 * WARN) is reported with the key that holds it.
 */
public final class HealthThresholdsConfig {
    /** Config name of each numeric check -> its field in {@link HealthThresholds}. */
    private static final Map<String, String> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("disk", "diskFreePercent");
        FIELDS.put("cpu-temperature", "cpuTemperatureC");
        FIELDS.put("memory", "memoryUsedPercent");
        FIELDS.put("swap", "swapUsedPercent");
        FIELDS.put("battery-health", "batteryHealthPercent");
        FIELDS.put("battery-charge", "batteryChargePercent");
        FIELDS.put("uptime", "uptimeDays");
    }

    private HealthThresholdsConfig() {}

    public static HealthThresholds read(ConfigProperties c) {
        HealthThresholds d = HealthThresholds.defaults();
        HealthThresholds.Builder b = d.toBuilder();
        levels(c, "disk", d.diskFreePercent(), b::diskFreePercent);
        levels(c, "cpu-temperature", d.cpuTemperatureC(), b::cpuTemperatureC);
        levels(c, "memory", d.memoryUsedPercent(), b::memoryUsedPercent);
        levels(c, "swap", d.swapUsedPercent(), b::swapUsedPercent);
        levels(c, "battery-health", d.batteryHealthPercent(), b::batteryHealthPercent);
        levels(c, "battery-charge", d.batteryChargePercent(), b::batteryChargePercent);
        levels(c, "uptime", d.uptimeDays(), b::uptimeDays);
        b.smartMinDuration(duration(c, "health.smart.min-duration-seconds", d.smartMinDuration()));
        FanRule fan = d.fan();
        b.fan(new FanRule(
                c.decimal("health.fan.stopped-below-rpm", fan.stoppedBelowRpm(), 0, 100_000),
                c.decimal("health.fan.quiet-below-celsius", fan.quietBelowC(), 0, 150),
                duration(c, "health.fan.min-duration-seconds", fan.minDuration())));
        try {
            return b.build();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ConfigException(c.source() + ": " + inConfigTerms(String.valueOf(e.getMessage())), e);
        }
    }

    private static void levels(
            ConfigProperties c, String check, Levels def, Function<Levels, HealthThresholds.Builder> set) {
        String p = "health." + check + ".";
        double warn = c.decimal(p + "warn", def.warn(), -1e9, 1e9);
        OptionalDouble crit = c.string(p + "crit")
                .map(v -> v.equalsIgnoreCase("off")
                        ? OptionalDouble.empty()
                        : OptionalDouble.of(c.decimal(p + "crit", Double.NaN, -1e9, 1e9)))
                .orElse(def.crit());
        double margin = c.decimal(p + "clear-margin", def.clearMargin(), 0, 1e9);
        Duration min = duration(c, p + "min-duration-seconds", def.minDuration());
        set.apply(new Levels(warn, crit, margin, min));
    }

    private static Duration duration(ConfigProperties c, String key, Duration def) {
        return c.seconds(key, def, Duration.ZERO, Duration.ofDays(7));
    }

    /** Rewrites "memoryUsedPercent.crit must ..." as "key 'health.memory.crit' must ...". */
    static String inConfigTerms(String message) {
        String m = message;
        for (Map.Entry<String, String> e : FIELDS.entrySet()) {
            m = m.replace(e.getValue() + ".clearMargin", "key 'health." + e.getKey() + ".clear-margin'")
                    .replace(e.getValue() + ".minDuration", "key 'health." + e.getKey() + ".min-duration-seconds'")
                    .replace(e.getValue() + ".warn", "key 'health." + e.getKey() + ".warn'")
                    .replace(e.getValue() + ".crit", "key 'health." + e.getKey() + ".crit'");
        }
        return m;
    }
}
