package bg.digiclub.agent.health.sampling;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the {@link OshiHealthSampler} keeps the answers of slow or rarely-changing queries.
 * Values that change between samples (free space, byte counters, charge) are still read every
 * sample; only the <em>lists</em> of things to read, and the sensors, are kept.
 *
 * @param fileStoreList which file systems exist: mounts change rarely, and listing them reads
 *                      every mount and stats each one (on Windows it walks all volumes)
 * @param diskList      which disks exist: a udev enumeration on Linux and WMI queries on Windows,
 *                      the slowest listing OSHI has and one of those that can hang
 * @param networkList   which network interfaces exist: listing queries every interface's
 *                      addresses and driver details; counters are refreshed every sample
 * @param sensors       temperature, fans and voltage: on Windows each read is a WMI query that can
 *                      take long or hang, and health checks judge temperature over minutes anyway
 */
public record SamplingTtls(Duration fileStoreList, Duration diskList, Duration networkList, Duration sensors) {

    /** Defaults for a 30-second sampling interval. */
    public static final SamplingTtls DEFAULTS = new SamplingTtls(Duration.ofMinutes(5), Duration.ofMinutes(10),
            Duration.ofMinutes(5), Duration.ofMinutes(1));

    public SamplingTtls {
        requireNotNegative(fileStoreList, "fileStoreList");
        requireNotNegative(diskList, "diskList");
        requireNotNegative(networkList, "networkList");
        requireNotNegative(sensors, "sensors");
    }

    private static void requireNotNegative(Duration ttl, String name) {
        Objects.requireNonNull(ttl, name);
        if (ttl.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + ttl);
        }
    }
}
