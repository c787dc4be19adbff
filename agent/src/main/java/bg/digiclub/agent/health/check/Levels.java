package bg.digiclub.agent.health.check;

import java.time.Duration;
import java.util.OptionalDouble;

/**
 * The levels of one numeric health check. Whether "beyond a level" means above or below it
 * depends on the check (free disk space is bad when low, temperature when high); see
 * {@link HealthThresholds} for each check's direction and unit.
 *
 * <p>A status is <em>raised</em> when the value has been strictly beyond its level on every
 * sample for at least {@code minDuration} (0 = at the first such sample). A raised status is
 * <em>kept</em> until the value gets back past the level by more than {@code clearMargin}
 * (hysteresis): with free space WARN below 10 % and a margin of 2, a WARN disk clears only at
 * 12 % free or more, so a value wobbling around 10 % does not flap. Clearing is immediate.
 *
 * <p>Values are checked by {@link HealthThresholds}, whose messages name the field.
 *
 * @param warn        the WARN level
 * @param crit        the CRIT level, empty when the check never goes CRIT
 * @param clearMargin how far back past a level the value must get to clear it (0 = no hysteresis)
 * @param minDuration how long the value must stay beyond a level before the status is raised
 */
public record Levels(double warn, OptionalDouble crit, double clearMargin, Duration minDuration) {

    /** Levels with both WARN and CRIT. */
    public static Levels warnAndCrit(double warn, double crit, double clearMargin, Duration minDuration) {
        return new Levels(warn, OptionalDouble.of(crit), clearMargin, minDuration);
    }

    /** Levels of a check that never goes beyond WARN. */
    public static Levels warnOnly(double warn, double clearMargin, Duration minDuration) {
        return new Levels(warn, OptionalDouble.empty(), clearMargin, minDuration);
    }

    /** These levels with another minimum duration. */
    public Levels withMinDuration(Duration newMinDuration) {
        return new Levels(warn, crit, clearMargin, newMinDuration);
    }

    /** These levels with another clear margin. */
    public Levels withClearMargin(double newClearMargin) {
        return new Levels(warn, crit, newClearMargin, minDuration);
    }
}
