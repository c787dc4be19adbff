/**
 * Linux's {@code /proc} and {@code /sys} read directly: processes, CPU time, memory, uptime, disk and
 * network counters, several times cheaper than OSHI's way. Each reader splits acquisition (a kept-open
 * {@code ProcFile}) from parsing (static {@code parseX} methods that tests feed captured files).
 */
package bg.digiclub.agent.health.sampling.procfs;
