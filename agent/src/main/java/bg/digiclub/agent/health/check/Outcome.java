package bg.digiclub.agent.health.check;

import java.util.Map;
import java.util.Objects;

import bg.digiclub.common.health.HealthStatus;

/**
 * What one check says about one sample.
 *
 * @param status the check's status
 * @param value  the measured value in plain words ("7 % free of 237 GB", "not available")
 * @param detail why the status is what it is, in plain words; becomes a status change's detail
 * @param facts  the value as numbers, for readers in other languages (keys in {@link
 *               bg.digiclub.common.health.CheckReport})
 */
record Outcome(HealthStatus status, String value, String detail, Map<String, Double> facts) {
    static final String NOT_AVAILABLE = "not available";
    /** The facts of "not available". */
    static final Map<String, Double> UNAVAILABLE = Map.of("available", 0.0);

    Outcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(detail, "detail");
        facts = Map.copyOf(facts);
    }

    /** The metric is absent: the hardware does not report it. */
    static Outcome notAvailable() {
        return new Outcome(HealthStatus.UNKNOWN, NOT_AVAILABLE, NOT_AVAILABLE, UNAVAILABLE);
    }

    /**
     * A measured value judged OK, WARN or CRIT. A WARN/CRIT detail starts with what to do:
     * "restart recommended: 16 days since restart (warning above 14 days)".
     *
     * @param levelWords which level applies, e.g. "warning above 14 days"; empty for none
     * @param facts      the value as numbers
     */
    static Outcome judged(
            String check, HealthStatus status, String value, String levelWords, Map<String, Double> facts) {
        String detail = switch (status) {
            case OK -> "normal: " + value;
            case UNKNOWN -> value;
            case WARN, CRIT ->
                CheckTexts.advice(check) + ": " + value + (levelWords.isEmpty() ? "" : " (" + levelWords + ")");
        };
        return new Outcome(status, value, detail, facts);
    }
}
