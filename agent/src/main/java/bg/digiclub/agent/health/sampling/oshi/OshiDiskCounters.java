package bg.digiclub.agent.health.sampling.oshi;

import java.util.ArrayList;
import java.util.List;

import oshi.hardware.HWDiskStore;

import bg.digiclub.agent.health.sampling.DeviceNames;
import bg.digiclub.agent.health.sampling.DiskCounters;

/** Disk counters refreshed through OSHI (Windows performance counters, macOS IOKit). */
final class OshiDiskCounters implements DiskCounters {

    @Override
    public List<DiskCount> read(List<HWDiskStore> disks) {
        List<DiskCount> counts = new ArrayList<>(disks.size());
        for (HWDiskStore disk : disks) {
            if (disk.updateAttributes()) {
                counts.add(new DiskCount(
                        DeviceNames.shortDiskName(disk.getName()),
                        disk.getReadBytes(),
                        disk.getWriteBytes(),
                        disk.getTimeStamp()));
            }
        }
        return counts;
    }
}
