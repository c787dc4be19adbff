package bg.digiclub.agent.health.sampling;

import java.util.OptionalDouble;

/**
 * Reads the PC's CPU time, memory and uptime, each platform its cheapest way: {@code /proc} directly
 * on Linux, OSHI elsewhere ({@code oshi.PlatformReaders} picks). A figure the platform does not give
 * is {@link #UNKNOWN}.
 */
public interface SystemCounters {
    /** A figure the platform did not give. */
    long UNKNOWN = -1;

    /**
     * CPU time of all processors since boot, in the clock ticks of the platform: the busy part
     * (everything but idle and waiting for disks) and the total. Load is the busy share of the
     * difference between two readings.
     */
    record CpuTime(long busy, long total) {
        /** Busy share of the time between {@code before} and this reading, 0–1; empty when no time passed. */
        public OptionalDouble loadSince(CpuTime before) {
            long passed = total - before.total;
            if (passed <= 0) {
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(Math.max(0, Math.min(1, (double) (busy - before.busy) / passed)));
        }
    }

    /** Physical memory and swap in bytes, {@link #UNKNOWN} where not known; no swap is a total of 0. */
    record Memory(long total, long available, long swapTotal, long swapUsed) {}

    /** Seconds since boot and the boot time in seconds since the epoch, {@link #UNKNOWN} where not known. */
    record Uptime(long uptimeSeconds, long bootEpochSeconds) {}

    CpuTime cpuTime();

    Memory memory();

    Uptime uptime();
}
