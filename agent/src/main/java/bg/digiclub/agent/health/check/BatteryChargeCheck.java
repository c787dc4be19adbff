package bg.digiclub.agent.health.check;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

import bg.digiclub.agent.health.HealthSample;
import bg.digiclub.agent.health.Metric;
import bg.digiclub.common.health.HealthStatus;

/**
 * Battery charge, judged only while the PC runs on battery: a laptop charging at 5 % is fine.
 * When the PC does not say whether it is on mains power, the charge is judged anyway — a
 * nearly empty battery is worth knowing about either way.
 */
final class BatteryChargeCheck implements HealthCheck {
    private final Levels levels;
    private final LevelTracker tracker;

    BatteryChargeCheck(Levels levels) {
        this.levels = levels;
        this.tracker = new LevelTracker(levels, Direction.LOW_IS_BAD);
    }

    @Override
    public String name() {
        return CheckNames.BATTERY_CHARGE;
    }

    @Override
    public Outcome evaluate(HealthSample sample) {
        OptionalDouble charge = Readings.finite(sample, Metric.BATTERY_CHARGE_PCT);
        if (charge.isEmpty()) {
            tracker.unknown();
            return Outcome.notAvailable();
        }
        OptionalDouble onAc = Readings.finite(sample, Metric.BATTERY_ON_AC);
        String percent = PlainWords.percent(charge.getAsDouble());
        Map<String, Double> facts = new HashMap<>();
        facts.put("percent", charge.getAsDouble());
        if (onAc.isPresent() && onAc.getAsDouble() >= 0.5) {
            tracker.notApplicable();
            facts.put("onBattery", 0.0);
            return Outcome.judged(name(), HealthStatus.OK, percent + ", on mains power", "", facts);
        }
        if (onAc.isPresent()) {
            facts.put("onBattery", 1.0);
        }
        HealthStatus status = tracker.update(charge.getAsDouble(), sample.at());
        String value = onAc.isPresent() ? percent + ", on battery" : percent;
        String levelWords = switch (status) {
            case WARN -> "warning below " + PlainWords.percent(levels.warn());
            case CRIT -> "critical below " + PlainWords.percent(levels.crit().orElseThrow());
            default -> "";
        };
        return Outcome.judged(name(), status, value, levelWords, facts);
    }
}
