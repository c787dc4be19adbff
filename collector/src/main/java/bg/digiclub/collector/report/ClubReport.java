package bg.digiclub.collector.report;

import java.util.List;

import bg.digiclub.common.link.TileCategory;

/**
 * Everything the club page shows for a period.
 *
 * @param heatmap sessions started by weekday (0 = Monday) and local hour of day
 * @param demographics sessions by age band (rows) and sex (columns), suppressed
 * @param tileCategories sessions that used a launcher tile of each category, in {@link TileCategory}
 *                       order, suppressed ({@link SmallCountSuppression#alone})
 */
public record ClubReport(
        ClubSummary summary,
        List<DayCount> days,
        long[][] heatmap,
        SuppressedTable demographics,
        List<Cell> tileCategories,
        List<DeviceSummary> devices) {}
