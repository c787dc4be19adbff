package bg.digiclub.common.batch;

import java.util.List;

/**
 * The usage part of a {@link BatchKind#USAGE} batch.
 *
 * @param hours hourly aggregates, each hour at most once, inside the batch's period
 * @param days  daily aggregates, each day at most once
 */
public record UsagePayload(List<HourUsage> hours, List<DayUsage> days) {
    public UsagePayload {
        hours = Require.list(hours, BatchLimits.MAX_HOURS, "usage.hours");
        days = Require.list(days, BatchLimits.MAX_DAYS, "usage.days");
        Require.unique(hours, HourUsage::hour, "usage.hours");
        Require.unique(days, DayUsage::day, "usage.days");
    }
}
