package bg.digiclub.agent.health.sampling;

import java.util.List;

/** Short, stable names for disks in metric names, and which block devices are not disks at all. */
public final class DeviceNames {

    /** Block devices that live in RAM or are views of other disks; their I/O says nothing new. */
    private static final List<String> NOT_DISK_PREFIXES = List.of("loop", "zram", "ram", "dm-", "nbd");

    private DeviceNames() {}

    /**
     * The disk's name without the OS's device prefix: {@code /dev/sda} becomes {@code sda},
     * {@code \\.\PHYSICALDRIVE0} becomes {@code PHYSICALDRIVE0}.
     */
    public static String shortDiskName(String name) {
        if (name == null) {
            return "";
        }
        if (name.startsWith("/dev/")) {
            return name.substring("/dev/".length());
        }
        if (name.startsWith("\\\\.\\")) {
            return name.substring(4);
        }
        return name;
    }

    /** True for RAM disks, compressed swap, loop images and device-mapper views. */
    public static boolean isVirtualDisk(String shortName) {
        return NOT_DISK_PREFIXES.stream().anyMatch(shortName::startsWith);
    }
}
