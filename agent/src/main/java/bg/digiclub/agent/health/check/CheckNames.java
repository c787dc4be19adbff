package bg.digiclub.agent.health.check;

import java.util.Comparator;
import java.util.List;

import bg.digiclub.agent.health.StatusChange;

/**
 * The stable names of the health checks. They are stored with alert events and the kiosk
 * translates its texts by them, so they never change. {@code <mount>}, {@code <disk>} and
 * {@code <n>} are the mount point, disk name and fan index as the sampler names them.
 */
public final class CheckNames {
    /** Free space of one file system: {@code disk:<mount>}, e.g. {@code disk:/}, {@code disk:C:\}. */
    public static final String DISK_PREFIX = "disk:";
    /** SMART self-assessment of one disk: {@code smart:<disk>}, e.g. {@code smart:sda}. */
    public static final String SMART_PREFIX = "smart:";
    /** One cooling fan: {@code fan:<n>}, n counting from 0. */
    public static final String FAN_PREFIX = "fan:";

    public static final String CPU_TEMPERATURE = "cpu-temperature";
    public static final String MEMORY = "memory";
    public static final String SWAP = "swap";
    public static final String BATTERY_CHARGE = "battery-charge";
    public static final String BATTERY_HEALTH = "battery-health";
    public static final String UPTIME = "uptime";
    /** The whole PC, in {@link StatusChange}s. */
    public static final String OVERALL = StatusChange.OVERALL;

    /** The order checks are listed in a report: storage, cooling, memory, battery, uptime. */
    private static final List<String> DISPLAY_GROUPS = List.of(
            DISK_PREFIX,
            SMART_PREFIX,
            CPU_TEMPERATURE,
            FAN_PREFIX,
            MEMORY,
            SWAP,
            BATTERY_CHARGE,
            BATTERY_HEALTH,
            UPTIME);

    /** Report order: by group (see above), then disks and mounts by name, fans by number. */
    static final Comparator<String> DISPLAY_ORDER = Comparator.comparingInt(CheckNames::group)
            .thenComparingInt(CheckNames::fanNumber)
            .thenComparing(Comparator.naturalOrder());

    private CheckNames() {}

    public static String disk(String mount) {
        return DISK_PREFIX + mount;
    }

    public static String smart(String disk) {
        return SMART_PREFIX + disk;
    }

    public static String fan(int n) {
        return FAN_PREFIX + n;
    }

    private static int group(String name) {
        for (int i = 0; i < DISPLAY_GROUPS.size(); i++) {
            String group = DISPLAY_GROUPS.get(i);
            if (group.endsWith(":") ? name.startsWith(group) : name.equals(group)) {
                return i;
            }
        }
        return DISPLAY_GROUPS.size();
    }

    private static int fanNumber(String name) {
        if (!name.startsWith(FAN_PREFIX)) {
            return 0;
        }
        try {
            return Integer.parseInt(name.substring(FAN_PREFIX.length()));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
