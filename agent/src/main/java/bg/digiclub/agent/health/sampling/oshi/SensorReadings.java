package bg.digiclub.agent.health.sampling.oshi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Sanity rules for hardware sensor readings. OSHI reports a sensor it cannot read as {@code 0}
 * (sometimes {@code NaN}); a CPU at 0 °C, a fan at 0 rpm or a core at 0 V is "not available",
 * never a value a health check may compare against.
 *
 * <p>Trade-off: a fan header that reads 0 rpm may also be a stopped fan; it cannot be told apart
 * from an empty header, so it is reported as absent too. A check can still notice a fan that was
 * reported before and is absent now.
 */
final class SensorReadings {
    /** No PC CPU reports more than this; larger numbers are a misread register. */
    static final double MAX_PLAUSIBLE_CELSIUS = 150.0;

    private SensorReadings() {}

    /** The reading, or empty when it is 0, negative, NaN or infinite. */
    static OptionalDouble reading(double raw) {
        return Double.isFinite(raw) && raw > 0.0 ? OptionalDouble.of(raw) : OptionalDouble.empty();
    }

    /** A CPU temperature in °C, or empty when it is not a plausible reading. */
    static OptionalDouble temperatureCelsius(double raw) {
        OptionalDouble value = reading(raw);
        return value.isPresent() && value.getAsDouble() <= MAX_PLAUSIBLE_CELSIUS ? value : OptionalDouble.empty();
    }

    /** Fan speeds by fan number (1-based, as printed on boards), only those reading above 0 rpm. */
    static Map<Integer, Double> fanSpeeds(int[] rpms) {
        Map<Integer, Double> fans = new LinkedHashMap<>();
        if (rpms == null) {
            return fans;
        }
        for (int i = 0; i < rpms.length; i++) {
            if (rpms[i] > 0) {
                fans.put(i + 1, (double) rpms[i]);
            }
        }
        return fans;
    }
}
