package bg.digiclub.agent.health.check;

import java.time.Duration;
import java.time.Instant;

import bg.digiclub.common.health.HealthStatus;

/**
 * The status of one numeric check over time: raises WARN/CRIT only after the value has stayed
 * beyond the level for the minimum duration, and keeps a raised status until the value is back
 * past the level by the clear margin (see {@link Levels}). Fed values in time order; time is
 * the sample's, never the wall clock.
 */
final class LevelTracker {
    private final Levels levels;
    private final Direction direction;
    private HealthStatus status = HealthStatus.UNKNOWN;
    /** First sample of the current unbroken run beyond the WARN level; null when not beyond. */
    private Instant beyondWarnSince;
    /** Same for the CRIT level. */
    private Instant beyondCritSince;

    LevelTracker(Levels levels, Direction direction) {
        this.levels = levels;
        this.direction = direction;
    }

    /** The status after a value read at {@code at}. */
    HealthStatus update(double value, Instant at) {
        boolean beyondWarn = direction.beyond(value, levels.warn());
        boolean beyondCrit = levels.crit().isPresent()
                && direction.beyond(value, levels.crit().getAsDouble());
        beyondWarnSince = beyondWarn ? firstOf(beyondWarnSince, at) : null;
        beyondCritSince = beyondCrit ? firstOf(beyondCritSince, at) : null;

        HealthStatus next = HealthStatus.OK;
        if (heldLongEnough(beyondWarnSince, at) || keeps(HealthStatus.WARN, levels.warn(), value)) {
            next = HealthStatus.WARN;
        }
        if (levels.crit().isPresent()
                && (heldLongEnough(beyondCritSince, at)
                        || keeps(HealthStatus.CRIT, levels.crit().getAsDouble(), value))) {
            next = HealthStatus.CRIT;
        }
        status = next;
        return status;
    }

    /** No value this time: UNKNOWN, and any run towards a raise starts over. */
    HealthStatus unknown() {
        return reset(HealthStatus.UNKNOWN);
    }

    /** The check does not apply right now (e.g. battery charge while on mains power): OK, runs start over. */
    HealthStatus notApplicable() {
        return reset(HealthStatus.OK);
    }

    HealthStatus status() {
        return status;
    }

    private HealthStatus reset(HealthStatus to) {
        beyondWarnSince = null;
        beyondCritSince = null;
        status = to;
        return status;
    }

    /** A raised status at or above {@code level} is kept while the value has not got back past the clear level. */
    private boolean keeps(HealthStatus level, double levelValue, double value) {
        return atLeast(status, level)
                && direction.beyond(value, direction.clearLevel(levelValue, levels.clearMargin()));
    }

    private boolean heldLongEnough(Instant since, Instant at) {
        return since != null && Duration.between(since, at).compareTo(levels.minDuration()) >= 0;
    }

    private static Instant firstOf(Instant since, Instant at) {
        return since == null ? at : since;
    }

    private static boolean atLeast(HealthStatus status, HealthStatus level) {
        // UNKNOWN never keeps anything: only WARN and CRIT are "raised"
        return switch (level) {
            case WARN -> status == HealthStatus.WARN || status == HealthStatus.CRIT;
            case CRIT -> status == HealthStatus.CRIT;
            default -> false;
        };
    }
}
