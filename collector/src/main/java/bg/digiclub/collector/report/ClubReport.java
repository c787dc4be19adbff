package bg.digiclub.collector.report;

import java.util.List;

/**
 * Everything the club page shows for a period.
 *
 * @param heatmap sessions started by weekday (0 = Monday) and local hour of day
 * @param demographics sessions by age band (rows) and sex (columns), suppressed
 */
public record ClubReport(ClubSummary summary, List<DayCount> days, long[][] heatmap, SuppressedTable demographics,
                         List<DeviceSummary> devices) {
}
