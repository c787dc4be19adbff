package bg.digiclub.collector.report;

import bg.digiclub.common.batch.CheckStatus;
import java.time.LocalDate;
import java.util.List;

/** One stored daily health summary of a PC. */
public record HealthDayRow(LocalDate day, List<CheckStatus> worst, Double minFreeDiskPercent,
                           Double maxCpuTemperatureCelsius, int alertCount, int uptimeMinutes) {
}
