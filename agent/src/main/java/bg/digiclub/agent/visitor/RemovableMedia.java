package bg.digiclub.agent.visitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.agent.visitor.MountTable.Mount;
import bg.digiclub.common.link.WipeStepResult;

/**
 * The visitor's removable media (USB sticks, SD cards, phones in mass-storage mode): every file
 * system mounted below the visitor's media directories ({@code /media/<account>},
 * {@code /run/media/<account>}, where udisks mounts what the visitor plugs in) is unmounted at
 * every reset, so that the next visitor does not find the previous one's stick open.
 *
 * <p>Found in {@code /proc/self/mountinfo} ({@link MountTable}), deepest first (a mount inside
 * another before that one). Unmounted through udisks ({@code udisksctl unmount -b DEVICE
 * --no-user-interaction}) when {@code udisksctl} is installed and the source is a device: udisks
 * made the mount, and its daemon, not the agent, holds the right to undo it (the agent's unit has
 * no {@code CAP_SYS_ADMIN}, and its mount namespace is its own: an {@code umount} there would not
 * reach the visitor's). Otherwise {@code umount MOUNTPOINT}. Whatever stays mounted fails the step,
 * naming the mount point and what the tool said.
 */
final class RemovableMedia {
    private static final Logger LOG = LoggerFactory.getLogger(RemovableMedia.class);
    /** Step name of {@link #unmountAll()}'s result. */
    static final String STEP = "visitor-media";
    /** Passes over the mount table: one per level of mounts inside mounts, then it gives up. */
    static final int ROUNDS = 8;

    private static final long TOOL_TIMEOUT_SECONDS = 30;
    private static final List<Path> UDISKSCTL = List.of(Path.of("/usr/bin/udisksctl"), Path.of("/bin/udisksctl"));

    private final List<Path> dirs;
    private final Path udisksctl;
    private final Path mountinfo;

    /** Unmounting through udisks when it is installed here. */
    RemovableMedia(List<Path> dirs) {
        this(dirs, installedUdisksctl().orElse(null), MountTable.SELF);
    }

    /**
     * @param udisksctl the udisks client to unmount devices with; null: {@code umount} for everything
     * @param mountinfo the mount table to read ({@code /proc/self/mountinfo})
     */
    RemovableMedia(List<Path> dirs, Path udisksctl, Path mountinfo) {
        this.dirs = List.copyOf(dirs);
        this.udisksctl = udisksctl;
        this.mountinfo = mountinfo;
    }

    static Optional<Path> installedUdisksctl() {
        return UDISKSCTL.stream().filter(Files::isExecutable).findFirst();
    }

    boolean isEmpty() {
        return dirs.isEmpty();
    }

    /** Unmounts everything below the media directories; fails naming what stayed. One caller at a time. */
    synchronized WipeStepResult unmountAll() {
        List<String> unmounted = new ArrayList<>();
        Map<Integer, String> problems = new HashMap<>();
        Set<Integer> claimed = new HashSet<>();
        List<Mount> left;
        try {
            left = below(MountTable.read(mountinfo));
            for (int round = 1; round <= ROUNDS && !left.isEmpty(); round++) {
                boolean progress = false;
                for (Mount m : innermost(left)) {
                    String problem = unmount(m);
                    if (problem == null) {
                        unmounted.add(m.describe());
                        claimed.add(m.id());
                        progress = true;
                    } else {
                        problems.put(m.id(), problem);
                    }
                }
                left = below(MountTable.read(mountinfo));
                if (!progress) {
                    break;
                }
            }
        } catch (IOException e) {
            LOG.error("Cannot read the mount table {}", mountinfo, e);
            return new WipeStepResult(
                    STEP, false, "cannot read " + mountinfo + ": " + Tally.reason(e) + done(unmounted));
        }
        if (left.isEmpty()) {
            if (!unmounted.isEmpty()) {
                LOG.info("Unmounted the visitor's media: {}", unmounted);
            }
            return new WipeStepResult(
                    STEP,
                    true,
                    unmounted.isEmpty()
                            ? "nothing mounted in " + dirs
                            : "unmounted " + unmounted.size() + ": " + String.join(", ", unmounted));
        }
        List<String> stayed = new ArrayList<>();
        for (Mount m : left) {
            String why = problems.containsKey(m.id())
                    ? problems.get(m.id())
                    : claimed.contains(m.id())
                            ? "unmounted, yet still in " + mountinfo + " (another mount namespace?)"
                            : "not tried: a mount inside it stayed";
            stayed.add(m.describe() + ": " + why);
        }
        LOG.error("The visitor's media stayed mounted: {}", stayed);
        return new WipeStepResult(
                STEP, false, left.size() + " still mounted: " + String.join("; ", stayed) + done(unmounted));
    }

    private static String done(List<String> unmounted) {
        return unmounted.isEmpty() ? "" : "; unmounted " + unmounted.size() + ": " + String.join(", ", unmounted);
    }

    /** The mounts strictly below one of the media directories, in the table's order. */
    List<Mount> below(List<Mount> mounts) {
        return mounts.stream().filter(m -> dirs.stream().anyMatch(m::isBelow)).toList();
    }

    /** Those on which none of the others sits: they can go first. */
    static List<Mount> innermost(List<Mount> mounts) {
        Set<Integer> carrying = new HashSet<>();
        for (Mount m : mounts) {
            carrying.add(m.parentId());
        }
        return mounts.stream().filter(m -> !carrying.contains(m.id())).toList();
    }

    /** The command that unmounts {@code m}: udisks for a device when it is installed, else umount. */
    List<String> command(Mount m) {
        if (udisksctl != null && m.source().startsWith("/dev/")) {
            return List.of(udisksctl.toString(), "unmount", "-b", m.source(), "--no-user-interaction");
        }
        return List.of("umount", m.mountPoint().toString());
    }

    /** Runs the unmount; null when the tool succeeded, else what it said. */
    private String unmount(Mount m) {
        List<String> command = command(m);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().put("PATH", ToolRun.TOOL_PATH);
        // messages in English, as the log and the step's detail are
        pb.environment().put("LANG", "C");
        ToolRun.Result r = ToolRun.run(
                Path.of(command.get(0)).getFileName().toString(), pb, Duration.ofSeconds(TOOL_TIMEOUT_SECONDS), true);
        if (r.ok()) {
            return null;
        }
        if (r.exit() > 0) {
            LOG.warn("Unmounting {}: {}", m.describe(), r.problem());
        }
        return r.problem();
    }

    @Override
    public String toString() {
        return "media " + dirs + (udisksctl == null ? " by umount" : " by " + udisksctl);
    }
}
