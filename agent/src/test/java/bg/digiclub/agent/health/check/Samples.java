package bg.digiclub.agent.health.check;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import bg.digiclub.agent.health.HealthSample;

/** Builds fixed samples at chosen instants: time advances by constructing the next sample later, never by sleeping. */
final class Samples {
    static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    static final double GB = 1024d * 1024 * 1024;

    private final Instant at;
    private final Map<String, Double> metrics = new HashMap<>();

    private Samples(Instant at) {
        this.at = at;
    }

    /** A sample {@code offset} after {@link #START}. */
    static Samples at(Duration offset) {
        return new Samples(START.plus(offset));
    }

    static Samples atMinute(long minute) {
        return at(Duration.ofMinutes(minute));
    }

    Samples with(String metric, double value) {
        metrics.put(metric, value);
        return this;
    }

    HealthSample build() {
        return new HealthSample(at, metrics, List.of(), List.of());
    }
}
