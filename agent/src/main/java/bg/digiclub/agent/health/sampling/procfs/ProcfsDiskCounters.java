package bg.digiclub.agent.health.sampling.procfs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import oshi.hardware.HWDiskStore;

import bg.digiclub.agent.health.sampling.DeviceNames;
import bg.digiclub.agent.health.sampling.DiskCounters;

/**
 * Disk counters from Linux's {@code /proc/diskstats}: one small file for all disks. OSHI's
 * {@code HWDiskStore.updateAttributes()} re-enumerates every block device through udev for each
 * disk (about 5 ms per disk here); this read costs well under 0.1 ms.
 */
public final class ProcfsDiskCounters implements DiskCounters {
    /** {@code /proc/diskstats} counts 512-byte sectors whatever the disk's real sector size. */
    static final long SECTOR_BYTES = 512;

    private final ProcFile diskstats;
    private final LongSupplier monotonicMillis;

    /**
     * @param diskstats       normally {@code /proc/diskstats}
     * @param monotonicMillis time of each reading; must not jump (rates are computed over it)
     */
    ProcfsDiskCounters(Path diskstats, LongSupplier monotonicMillis) {
        this.diskstats = new ProcFile(diskstats);
        this.monotonicMillis = Objects.requireNonNull(monotonicMillis, "monotonicMillis");
    }

    /** A disk counter reader with {@link System#nanoTime()} as its time. */
    public ProcfsDiskCounters(Path diskstats) {
        this(diskstats, () -> TimeUnit.NANOSECONDS.toMillis(System.nanoTime()));
    }

    @Override
    public List<DiskCount> read(List<HWDiskStore> disks) {
        String text = diskstats.read();
        long at = monotonicMillis.getAsLong();
        Map<String, long[]> all = parseDiskstats(text);
        List<DiskCount> counts = new ArrayList<>(disks.size());
        for (HWDiskStore disk : disks) {
            String name = DeviceNames.shortDiskName(disk.getName());
            long[] readWrite = all.get(name);
            if (readWrite != null) {
                counts.add(new DiskCount(name, readWrite[0], readWrite[1], at));
            }
        }
        return counts;
    }

    /**
     * Bytes read and written per device name from {@code /proc/diskstats} text. Lines are
     * "major minor name reads merged sectors-read ms writes merged sectors-written ..."; short or
     * garbled lines are skipped.
     */
    static Map<String, long[]> parseDiskstats(String text) {
        Map<String, long[]> counters = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] f = ProcFields.of(line);
            if (f.length < 10) {
                continue;
            }
            try {
                long sectorsRead = Long.parseLong(f[5]);
                long sectorsWritten = Long.parseLong(f[9]);
                counters.put(f[2], new long[] {sectorsRead * SECTOR_BYTES, sectorsWritten * SECTOR_BYTES});
            } catch (NumberFormatException e) {
                // Not a device line.
            }
        }
        return counters;
    }
}
