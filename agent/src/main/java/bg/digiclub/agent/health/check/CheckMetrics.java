package bg.digiclub.agent.health.check;

import java.util.Optional;

import bg.digiclub.agent.health.Metric;

/** Which stored metric a check judges, so that a check's history can be shown by its name. */
public final class CheckMetrics {
    private CheckMetrics() {}

    /** The metric behind {@code check}, e.g. {@code disk:/} -> {@code fs./.free_pct}; empty if none. */
    public static Optional<String> metricOf(String check) {
        if (check.startsWith(CheckNames.DISK_PREFIX)) {
            return Optional.of(Metric.fsFreePct(check.substring(CheckNames.DISK_PREFIX.length())));
        }
        if (check.startsWith(CheckNames.SMART_PREFIX)) {
            return Optional.of(Metric.diskSmartOk(check.substring(CheckNames.SMART_PREFIX.length())));
        }
        if (check.startsWith(CheckNames.FAN_PREFIX)) {
            try {
                return Optional.of(Metric.fanRpm(Integer.parseInt(check.substring(CheckNames.FAN_PREFIX.length()))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(
                switch (check) {
                    case CheckNames.CPU_TEMPERATURE -> Metric.CPU_TEMPERATURE_C;
                    case CheckNames.MEMORY -> Metric.MEM_USED_PCT;
                    case CheckNames.SWAP -> Metric.SWAP_USED_PCT;
                    case CheckNames.BATTERY_CHARGE -> Metric.BATTERY_CHARGE_PCT;
                    case CheckNames.BATTERY_HEALTH -> Metric.BATTERY_HEALTH_PCT;
                    case CheckNames.UPTIME -> Metric.UPTIME_S;
                    default -> null;
                });
    }
}
