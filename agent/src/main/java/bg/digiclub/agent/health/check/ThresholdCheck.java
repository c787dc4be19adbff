package bg.digiclub.agent.health.check;

import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.function.Predicate;

import bg.digiclub.agent.health.HealthSample;
import bg.digiclub.common.health.HealthStatus;

/**
 * A check of one number against {@link Levels}: disk free space, temperature, memory, swap,
 * battery health, uptime. What differs between them — which metrics, which words — is passed
 * in by {@link CheckCatalog}.
 */
final class ThresholdCheck implements HealthCheck {

    /** A value read from a sample, its plain words ("7 % free of 237 GB") and its facts as numbers. */
    record Measured(double value, String words, Map<String, Double> facts) {}

    private final String name;
    private final Levels levels;
    private final Direction direction;
    private final Function<HealthSample, Optional<Measured>> reading;
    private final DoubleFunction<String> levelWords;
    private final Predicate<HealthSample> presence;
    private final LevelTracker tracker;

    /**
     * @param reading    the value in a sample, empty when the hardware does not report it
     * @param levelWords a threshold in words, e.g. 10 -> "10 % free"
     * @param presence   whether the thing checked still exists in a sample
     */
    ThresholdCheck(
            String name,
            Levels levels,
            Direction direction,
            Function<HealthSample, Optional<Measured>> reading,
            DoubleFunction<String> levelWords,
            Predicate<HealthSample> presence) {
        this.name = name;
        this.levels = levels;
        this.direction = direction;
        this.reading = reading;
        this.levelWords = levelWords;
        this.presence = presence;
        this.tracker = new LevelTracker(levels, direction);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean present(HealthSample sample) {
        return presence.test(sample);
    }

    @Override
    public Outcome evaluate(HealthSample sample) {
        Optional<Measured> measured = reading.apply(sample);
        if (measured.isEmpty()) {
            tracker.unknown();
            return Outcome.notAvailable();
        }
        HealthStatus status = tracker.update(measured.get().value(), sample.at());
        return Outcome.judged(
                name,
                status,
                measured.get().words(),
                levelWords(status),
                measured.get().facts());
    }

    private String levelWords(HealthStatus status) {
        return switch (status) {
            case WARN -> "warning " + direction.word() + " " + levelWords.apply(levels.warn());
            case CRIT ->
                "critical " + direction.word() + " "
                        + levelWords.apply(levels.crit().orElseThrow());
            default -> "";
        };
    }
}
