/**
 * Taking health samples of the PC: what every source of figures shares. The
 * {@link bg.digiclub.agent.health.sampling.HealthSampler} interface, the
 * {@link bg.digiclub.agent.health.sampling.SamplingWorker} that runs sampling on one watched thread
 * (a hanging sample is abandoned, not waited for), the readers' interfaces that {@code /proc} and OSHI
 * both implement ({@code SystemCounters}, {@code DiskCounters}, {@code NetworkCounters},
 * {@code ProcessTable}), device and interface names, and values kept for a time-to-live.
 *
 * <p>The sources live below and depend on this package, never the other way:
 * {@code oshi} (the sampler itself, and the one place that picks this platform's readers),
 * {@code procfs} (Linux's {@code /proc} and {@code /sys} read directly) and {@code smart}
 * (disk verdicts from {@code smartctl}). Only the agent's wiring names them.
 */
package bg.digiclub.agent.health.sampling;
