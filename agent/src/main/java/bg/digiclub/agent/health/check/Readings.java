package bg.digiclub.agent.health.check;

import java.util.OptionalDouble;

import bg.digiclub.agent.health.HealthSample;

/** Reading metrics from a sample, treating NaN and infinities like an absent metric. */
public final class Readings {

    private Readings() {}

    /** The metric's value, empty when absent or not a finite number. */
    public static OptionalDouble finite(HealthSample sample, String metric) {
        OptionalDouble value = sample.metric(metric);
        return value.isPresent() && Double.isFinite(value.getAsDouble()) ? value : OptionalDouble.empty();
    }

    /** The metric's value when finite and above 0 (sizes, temperatures), else empty. */
    public static OptionalDouble positive(HealthSample sample, String metric) {
        OptionalDouble value = finite(sample, metric);
        return value.isPresent() && value.getAsDouble() > 0 ? value : OptionalDouble.empty();
    }
}
