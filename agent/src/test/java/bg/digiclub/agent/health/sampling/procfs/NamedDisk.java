package bg.digiclub.agent.health.sampling.procfs;

import java.util.List;

import oshi.hardware.HWDiskStore;
import oshi.hardware.HWPartition;

/** A hand-written stand-in for an OSHI disk that only has a name: what the procfs counters look at. */
final class NamedDisk implements HWDiskStore {
    private final String name;

    NamedDisk(String name) {
        this.name = name;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getModel() {
        return "test disk";
    }

    @Override
    public String getSerial() {
        return "";
    }

    @Override
    public long getSize() {
        return 0;
    }

    @Override
    public long getReads() {
        return 0;
    }

    @Override
    public long getReadBytes() {
        return 0;
    }

    @Override
    public long getWrites() {
        return 0;
    }

    @Override
    public long getWriteBytes() {
        return 0;
    }

    @Override
    public long getCurrentQueueLength() {
        return 0;
    }

    @Override
    public long getTransferTime() {
        return 0;
    }

    @Override
    public List<HWPartition> getPartitions() {
        return List.of();
    }

    @Override
    public long getTimeStamp() {
        return 0;
    }

    @Override
    public boolean updateAttributes() {
        return false;
    }
}
