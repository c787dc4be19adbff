package bg.digiclub.agent.health.check;

import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the file systems, disks and fans a sample has metrics for, from the metric names of
 * {@link bg.digiclub.agent.health.Metric}: {@code fs.<mount>.*}, {@code disk.<disk>.*},
 * {@code fan.<n>.rpm}. A mount may itself contain dots, so names are cut at the known suffixes.
 */
final class Discovery {
    private static final String[] FS_SUFFIXES = {".free_pct", ".free_bytes", ".total_bytes"};
    private static final String[] DISK_SUFFIXES = {".smart_ok", ".read_bps", ".write_bps"};

    private final Set<String> mounts = new TreeSet<>();
    private final Set<String> disks = new TreeSet<>();
    private final Set<Integer> fans = new TreeSet<>();

    Discovery(Set<String> metricNames) {
        for (String name : metricNames) {
            middle(name, "fs.", FS_SUFFIXES, mounts);
            middle(name, "disk.", DISK_SUFFIXES, disks);
            if (name.startsWith("fan.") && name.endsWith(".rpm")) {
                try {
                    fans.add(Integer.parseInt(name.substring(4, name.length() - 4)));
                } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                    // not a fan metric of ours ("fan.cpu.rpm"): nothing to check
                }
            }
        }
    }

    Set<String> mounts() {
        return mounts;
    }

    Set<String> disks() {
        return disks;
    }

    Set<Integer> fans() {
        return fans;
    }

    private static void middle(String name, String prefix, String[] suffixes, Set<String> into) {
        if (!name.startsWith(prefix)) {
            return;
        }
        for (String suffix : suffixes) {
            if (name.endsWith(suffix) && name.length() > prefix.length() + suffix.length()) {
                into.add(name.substring(prefix.length(), name.length() - suffix.length()));
                return;
            }
        }
    }
}
