package bg.digiclub.agent.health.sampling.smart;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import bg.digiclub.agent.health.HealthSample;
import bg.digiclub.agent.health.sampling.HealthSampler;

/** A {@link HealthSampler} that adds SMART disk verdicts to the samples of another sampler. */
public final class SmartHealthSampler implements HealthSampler {
    private final HealthSampler base;
    private final SmartHealthReader smart;

    public SmartHealthSampler(HealthSampler base, SmartHealthReader smart) {
        this.base = Objects.requireNonNull(base, "base");
        this.smart = Objects.requireNonNull(smart, "smart");
    }

    @Override
    public HealthSample sample() {
        HealthSample sample = base.sample();
        Map<String, Double> verdicts = smart.metrics();
        if (verdicts.isEmpty()) {
            return sample;
        }
        Map<String, Double> metrics = new HashMap<>(sample.metrics());
        metrics.putAll(verdicts);
        return new HealthSample(sample.at(), metrics, sample.topByCpu(), sample.topByMemory());
    }
}
