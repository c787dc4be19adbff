package bg.digiclub.common.batch;

import java.time.Instant;
import java.util.List;

import bg.digiclub.common.health.HealthStatus;

/**
 * A PC's health at one moment, taken every 15 minutes while the agent runs.
 *
 * @param at      when it was taken, a whole minute (UTC)
 * @param overall the overall status (the worst of the checks, as the agent computes it)
 * @param checks  each check's status, each name at most once
 */
public record HealthSnapshot(Instant at, HealthStatus overall, List<CheckStatus> checks) {
    public HealthSnapshot {
        Require.wholeMinute(at, "snapshot at");
        Require.present(overall, "overall");
        checks = Require.list(checks, BatchLimits.MAX_CHECKS, "checks");
        Require.unique(checks, CheckStatus::name, "checks at " + at);
    }
}
