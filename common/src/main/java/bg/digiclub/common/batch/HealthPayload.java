package bg.digiclub.common.batch;

import java.util.List;

/**
 * The health part of a {@link BatchKind#HEALTH} batch.
 *
 * @param snapshots snapshots inside the batch's period, each time at most once
 * @param days      daily summaries of days that have ended, each day at most once
 */
public record HealthPayload(List<HealthSnapshot> snapshots, List<HealthDay> days) {
    public HealthPayload {
        snapshots = Require.list(snapshots, BatchLimits.MAX_SNAPSHOTS, "health.snapshots");
        days = Require.list(days, BatchLimits.MAX_DAYS, "health.days");
        Require.unique(snapshots, HealthSnapshot::at, "health.snapshots");
        Require.unique(days, HealthDay::day, "health.days");
    }
}
