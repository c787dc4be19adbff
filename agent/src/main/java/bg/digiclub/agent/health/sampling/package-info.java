/**
 * Taking health samples of the PC: {@link bg.digiclub.agent.health.sampling.HealthSampler} and its
 * OSHI implementation, SMART disk health from {@code smartctl}, and the
 * {@link bg.digiclub.agent.health.sampling.SamplingWorker} that runs sampling on one watched thread.
 *
 * <p>On Linux, processes and disk and network counters are read from {@code /proc} and {@code /sys}
 * directly, elsewhere through OSHI ({@code PlatformReaders} picks). {@code OshiSetup} holds the settings
 * OSHI and JNA need before their first use.
 *
 * <p>Pure pieces (which file stores count, counter rates, sensor sanity, battery figures, process
 * ranking, smartctl JSON) are separate small classes so tests can feed them fixed or captured input.
 */
package bg.digiclub.agent.health.sampling;
