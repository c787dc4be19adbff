package bg.digiclub.agent.health.sampling;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the OSHI sampler ({@code oshi.OshiHealthSampler}) keeps the answers of slow or rarely-changing queries.
 * Values that change between samples (free space, byte counters, charge) are still read every
 * sample; only the <em>lists</em> of things to read, the sensors and the process listing are kept.
 *
 * @param fileStoreList which file systems exist: mounts change rarely, and listing them reads
 *                      every mount and stats each one (on Windows it walks all volumes); a file
 *                      system unmounted while its mount point stays is measured as the one under it
 *                      until the list is renewed
 * @param diskList      which disks exist: a udev enumeration on Linux and WMI queries on Windows,
 *                      the slowest listing OSHI has and one of those that can hang
 * @param networkList   which network interfaces exist: listing queries every interface's
 *                      addresses and driver details; counters are refreshed every sample
 * @param sensors       temperature, fans and voltage: on Windows each read is a WMI query that can
 *                      take long or hang, and health checks judge temperature over minutes anyway
 * @param processList   the process count and the top processes by CPU and memory: listing reads a
 *                      file per process, the costliest part of a sample (~1 ms per 100 processes
 *                      even when warm); staff look at the top lists to find what hogs the PC, which
 *                      a list up to this old still shows (CPU use is averaged since the listing before)
 */
public record SamplingTtls(
        Duration fileStoreList, Duration diskList, Duration networkList, Duration sensors, Duration processList) {

    /**
     * Defaults for a 30-second sampling interval: at that interval processes are listed every
     * sample; at 10 s, every third sample.
     */
    public static final SamplingTtls DEFAULTS = new SamplingTtls(
            Duration.ofMinutes(5),
            Duration.ofMinutes(10),
            Duration.ofMinutes(5),
            Duration.ofMinutes(1),
            Duration.ofSeconds(30));

    public SamplingTtls {
        requireNotNegative(fileStoreList, "fileStoreList");
        requireNotNegative(diskList, "diskList");
        requireNotNegative(networkList, "networkList");
        requireNotNegative(sensors, "sensors");
        requireNotNegative(processList, "processList");
    }

    private static void requireNotNegative(Duration ttl, String name) {
        Objects.requireNonNull(ttl, name);
        if (ttl.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + ttl);
        }
    }
}
