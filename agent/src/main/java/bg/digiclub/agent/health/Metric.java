package bg.digiclub.agent.health;

/**
 * Names of the metrics in a {@link HealthSample}. {@code <mount>}, {@code <disk>},
 * {@code <iface>} and {@code <n>} are replaced by the mount point, disk name, network
 * interface name and fan index. Names are stable: they are stored and used by health checks.
 */
public final class Metric {
    public static final String CPU_LOAD_PCT = "cpu.load_pct";
    public static final String CPU_TEMPERATURE_C = "cpu.temperature_c";
    public static final String CPU_VOLTAGE_V = "cpu.voltage_v";
    public static final String MEM_USED_PCT = "mem.used_pct";
    public static final String MEM_TOTAL_BYTES = "mem.total_bytes";
    public static final String MEM_AVAILABLE_BYTES = "mem.available_bytes";
    public static final String SWAP_USED_PCT = "swap.used_pct";
    public static final String SWAP_TOTAL_BYTES = "swap.total_bytes";
    public static final String BATTERY_CHARGE_PCT = "battery.charge_pct";
    /** Full-charge capacity as a share of design capacity. */
    public static final String BATTERY_HEALTH_PCT = "battery.health_pct";
    /** 1 on mains power, 0 on battery. */
    public static final String BATTERY_ON_AC = "battery.on_ac";

    public static final String UPTIME_S = "uptime.s";
    public static final String BOOT_EPOCH_S = "boot.epoch_s";
    public static final String PROCESS_COUNT = "proc.count";

    public static String fanRpm(int n) {
        return "fan." + n + ".rpm";
    }

    public static String fsFreePct(String mount) {
        return "fs." + mount + ".free_pct";
    }

    public static String fsFreeBytes(String mount) {
        return "fs." + mount + ".free_bytes";
    }

    public static String fsTotalBytes(String mount) {
        return "fs." + mount + ".total_bytes";
    }

    public static String diskReadBps(String disk) {
        return "disk." + disk + ".read_bps";
    }

    public static String diskWriteBps(String disk) {
        return "disk." + disk + ".write_bps";
    }

    /** 1 when {@code smartctl -H} says PASSED, 0 when FAILED; absent when unknown. */
    public static String diskSmartOk(String disk) {
        return "disk." + disk + ".smart_ok";
    }

    /** 1 when the interface is up, 0 when down. */
    public static String netUp(String iface) {
        return "net." + iface + ".up";
    }

    public static String netRxBps(String iface) {
        return "net." + iface + ".rx_bps";
    }

    public static String netTxBps(String iface) {
        return "net." + iface + ".tx_bps";
    }

    private Metric() {}
}
