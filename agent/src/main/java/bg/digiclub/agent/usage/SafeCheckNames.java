package bg.digiclub.agent.usage;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import bg.digiclub.common.batch.BatchLimits;
import bg.digiclub.common.health.HealthStatus;

/**
 * Check names as they may leave the PC. The protocol allows {@code word[:qualifier]}; a disk
 * check's qualifier is a mount point, and a mount point can carry a person's name
 * ({@code /media/ivan/USB}, {@code /home/maria}). So only the system's own mount points and
 * drive letters are kept; every other disk becomes {@code disk:other}. Other qualifiers are kept
 * only when they are short plain tokens ({@code fan:1}, {@code smart:sda}); names that do not fit
 * become {@code other}. (Not to be confused with {@code health.check.CheckNames}, the checks' own names.)
 * Checks that end up with the same name are merged by their worst status.
 */
public final class SafeCheckNames {
    private static final Pattern PLAIN_QUALIFIER = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    private static final Pattern DRIVE = Pattern.compile("[A-Z]:\\\\?");
    private static final Set<String> SYSTEM_MOUNTS =
            Set.of("/", "/boot", "/boot/efi", "/var", "/tmp", "/usr", "/opt", "/srv", "/home");

    private SafeCheckNames() {}

    /** The name under which {@code check} may be reported. */
    public static String forUpload(String check) {
        int colon = check.indexOf(':');
        String word = colon < 0 ? check : check.substring(0, colon);
        // the contract's check name without its qualifier: a word alone (no colon here)
        if (!BatchLimits.CHECK_NAME.matcher(word).matches()) {
            return "other";
        }
        if (colon < 0) {
            return word;
        }
        String qualifier = check.substring(colon + 1);
        if (word.equals("disk")) {
            return SYSTEM_MOUNTS.contains(qualifier) || DRIVE.matcher(qualifier).matches()
                    ? word + ":" + qualifier
                    : word + ":other";
        }
        return PLAIN_QUALIFIER.matcher(qualifier).matches() ? word + ":" + qualifier : word;
    }

    /**
     * Renames every check, merges clashes by worst status, and keeps at most
     * {@link BatchLimits#MAX_CHECKS} (the worst ones
     * when there are more), sorted by name.
     */
    public static Map<String, HealthStatus> forUpload(Map<String, HealthStatus> checks) {
        Map<String, HealthStatus> merged = new TreeMap<>();
        checks.forEach((name, status) -> merged.merge(forUpload(name), status, HealthStatus::worst));
        if (merged.size() <= BatchLimits.MAX_CHECKS) {
            return merged;
        }
        Map<String, HealthStatus> kept = new LinkedHashMap<>();
        merged.entrySet().stream()
                .sorted(Map.Entry.<String, HealthStatus>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(BatchLimits.MAX_CHECKS)
                .forEach(e -> kept.put(e.getKey(), e.getValue()));
        return new TreeMap<>(kept);
    }
}
