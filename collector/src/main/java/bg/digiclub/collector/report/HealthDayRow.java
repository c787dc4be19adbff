package bg.digiclub.collector.report;

import java.time.LocalDate;
import java.util.List;

import bg.digiclub.common.batch.CheckStatus;

/** One stored daily health summary of a PC. */
public record HealthDayRow(
        LocalDate day,
        List<CheckStatus> worst,
        Double minFreeDiskPercent,
        Double maxCpuTemperatureCelsius,
        int alertCount,
        int uptimeMinutes) {}
