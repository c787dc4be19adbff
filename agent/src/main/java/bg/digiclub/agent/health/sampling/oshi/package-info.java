/**
 * The PC's health through OSHI: {@code OshiHealthSampler} takes every sample, {@code PlatformReaders}
 * is the one place that picks this platform's readers ({@code procfs} on Linux, the {@code Oshi*}
 * readers elsewhere), and {@code OshiSetup} holds the settings OSHI and JNA need before their first use.
 *
 * <p>Pure pieces (which file stores count, counter rates, sensor sanity, battery figures, process
 * ranking) are separate small classes so tests can feed them fixed input.
 */
package bg.digiclub.agent.health.sampling.oshi;
