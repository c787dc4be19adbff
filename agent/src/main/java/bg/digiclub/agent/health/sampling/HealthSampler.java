package bg.digiclub.agent.health.sampling;

import bg.digiclub.agent.health.HealthSample;

/**
 * Takes one reading of the PC's health.
 *
 * <p>Implementations keep state between calls (previous CPU ticks and byte counters, for rates) and
 * are <em>not</em> thread-safe: call {@link #sample()} from one thread at a time — the
 * {@link SamplingWorker} does that.
 */
public interface HealthSampler {

    /**
     * Reads the PC's health now. A metric the hardware does not report is absent from the sample,
     * never 0. Rates (CPU load, disk and network throughput) need a previous sample and are absent
     * from the first one.
     *
     * @return the sample, never null
     */
    HealthSample sample();
}
