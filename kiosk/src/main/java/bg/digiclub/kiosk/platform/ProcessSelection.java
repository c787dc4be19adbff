package bg.digiclub.kiosk.platform;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Decides which processes end with a session: those the target matches, except the kiosk
 * itself, its ancestors (the session script, the display manager's helper) and kept executables.
 * A pure function of a process table, so it is tested with captured tables.
 */
public final class ProcessSelection {
    private final Predicate<ProcessSnapshot> target;
    private final Set<String> keepExecutables;

    /**
     * @param target          which processes belong to the session, typically "owned by the visitor"
     * @param keepExecutables executable file names never ended, e.g. {@code openbox}
     */
    public ProcessSelection(Predicate<ProcessSnapshot> target, Set<String> keepExecutables) {
        this.target = Objects.requireNonNull(target, "target");
        this.keepExecutables = Set.copyOf(keepExecutables);
    }

    /** Target: every process whose owner is exactly {@code user}. */
    public static Predicate<ProcessSnapshot> ownedBy(String user) {
        Objects.requireNonNull(user, "user");
        if (user.isBlank()) {
            throw new IllegalArgumentException("visitor user name is blank");
        }
        return p -> p.user().equals(user);
    }

    /**
     * The pids to end, in ascending order.
     *
     * @param table   all processes now
     * @param selfPid the kiosk's own pid; it and its ancestors are never selected
     */
    public Set<Long> select(Collection<ProcessSnapshot> table, long selfPid) {
        Set<Long> protectedPids = selfAndAncestors(table, selfPid);
        Set<Long> chosen = new TreeSet<>();
        for (ProcessSnapshot p : table) {
            if (!protectedPids.contains(p.pid())
                    && !keepExecutables.contains(p.executableName())
                    && target.test(p)) {
                chosen.add(p.pid());
            }
        }
        return chosen;
    }

    private static Set<Long> selfAndAncestors(Collection<ProcessSnapshot> table, long selfPid) {
        Map<Long, Long> parentOf = new HashMap<>();
        for (ProcessSnapshot p : table) {
            parentOf.put(p.pid(), p.parentPid());
        }
        Set<Long> chain = new HashSet<>();
        long pid = selfPid;
        // The set also stops a cycle, which a table read over time can contain after pid reuse.
        while (pid > 0 && chain.add(pid)) {
            pid = parentOf.getOrDefault(pid, -1L);
        }
        return chain;
    }
}
