package bg.digiclub.collector.report;

import java.util.List;

/**
 * Everything the club page shows for a period but its breakdowns by age, sex and tile category,
 * which only periods of whole months that have settled have ({@link Breakdown}).
 *
 * @param heatmap sessions started by weekday (0 = Monday) and local hour of day
 */
public record ClubReport(ClubSummary summary, List<DayCount> days, long[][] heatmap, List<DeviceSummary> devices) {}
