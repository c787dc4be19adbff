package bg.digiclub.agent.metrics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The mount points the textfile names as they are: the system's own ({@code /}, {@code /home},
 * {@code C:\}, ...), set up by whoever installed the PC. Any other mount point could carry a
 * name someone chose (a person's, a volume label), so it is written {@code other-1},
 * {@code other-2}, ... in the order of its name: monitoring still sees each one fill up, and
 * nothing that names the PC or a person leaves it.
 */
final class MountLabels {
    private static final Set<String> SYSTEM = Set.of(
            "/",
            "/boot",
            "/boot/efi",
            "/efi",
            "/home",
            "/opt",
            "/srv",
            "/tmp",
            "/usr",
            "/var",
            "/var/lib",
            "/var/log",
            "/var/tmp");
    private static final Pattern DRIVE = Pattern.compile("[A-Za-z]:\\\\?");

    private MountLabels() {}

    /** The label of each of {@code mounts}. */
    static Map<String, String> of(List<String> mounts) {
        Map<String, String> labels = new HashMap<>();
        int other = 0;
        for (String mount : mounts.stream().sorted().toList()) {
            if (SYSTEM.contains(mount) || DRIVE.matcher(mount).matches()) {
                labels.put(mount, mount);
            } else {
                labels.put(mount, "other-" + ++other);
            }
        }
        return labels;
    }
}
