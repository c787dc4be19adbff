package bg.digiclub.common.batch;

import java.time.LocalDate;
import java.util.List;

/**
 * One device's health summary for one whole local day.
 *
 * @param day                      the local date (in the batch's {@code timeZone})
 * @param worst                    the worst status each check reached that day, each name at most once
 * @param minFreeDiskPercent       the lowest free space seen on any disk check, 0-100; null if not measured
 * @param maxCpuTemperatureCelsius the highest CPU temperature seen, -50 to 150; null if the PC has no sensor
 * @param alertCount               status changes to WARN or CRIT that day
 * @param uptimeMinutes            minutes the agent was running that day (0-1500, a DST day has 25 hours)
 */
public record HealthDay(
        LocalDate day,
        List<CheckStatus> worst,
        Double minFreeDiskPercent,
        Double maxCpuTemperatureCelsius,
        int alertCount,
        int uptimeMinutes) {
    public HealthDay {
        Require.present(day, "day");
        worst = Require.list(worst, BatchLimits.MAX_CHECKS, "worst");
        Require.unique(worst, CheckStatus::name, "worst of " + day);
        Require.optionalRange(minFreeDiskPercent, 0, 100, "minFreeDiskPercent");
        Require.optionalRange(maxCpuTemperatureCelsius, -50, 150, "maxCpuTemperatureCelsius");
        Require.range(alertCount, 0, BatchLimits.MAX_COUNT, "alertCount");
        Require.range(uptimeMinutes, 0, 25 * 60, "uptimeMinutes");
    }
}
