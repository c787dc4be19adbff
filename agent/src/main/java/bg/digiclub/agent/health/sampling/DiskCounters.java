package bg.digiclub.agent.health.sampling;

import java.util.List;

import oshi.hardware.HWDiskStore;

/**
 * Reads the byte counters of the PC's disks, each platform its cheapest way: {@code /proc} directly on
 * Linux, OSHI elsewhere ({@code oshi.PlatformReaders} picks).
 */
public interface DiskCounters {

    /**
     * Bytes a disk has read and written since boot.
     *
     * @param name     short disk name ({@code sda})
     * @param atMillis when the counters were read, in milliseconds of a clock that does not jump
     */
    record DiskCount(String name, long readBytes, long writeBytes, long atMillis) {}

    /** The counters of {@code disks} now; a disk that cannot be read is left out. */
    List<DiskCount> read(List<HWDiskStore> disks);
}
