package bg.digiclub.agent.visitor;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.agent.visitor.BlockDevices.BlockDevice;
import bg.digiclub.agent.visitor.BlockDevices.Identity;

/**
 * Mounts the USB sticks, memory cards and CDs a visitor plugs in, for the visitor, while a session
 * is open. Visitor programs have no session bus, so nothing else would (no gvfs, no desktop).
 *
 * <p>Every {@link #POLL} the block devices are listed with util-linux {@code lsblk}
 * ({@link BlockDevices}); while a session is open, each file system that is on a removable or
 * hot-pluggable device (not a fixed disk on a hot-plug SATA port), among {@link #FILESYSTEMS},
 * not mounted, and on a disk none of whose file systems is mounted elsewhere than the visitor's
 * media directories (the system disk is never touched), is mounted through udisks AS THE VISITOR:
 * {@code setsid setpriv --reuid --regid --clear-groups -- udisksctl mount -b DEVICE
 * --no-user-interaction} ({@link LinuxVisitorAccount#toolCommand}), so the polkit rule for the
 * visitor and udisks' {@code nosuid,nodev,noexec} apply exactly as if the visitor had asked. Each
 * device is tried once per session; a failure is logged once.
 *
 * <p><b>Left behind.</b> What is plugged in when a session ends (when its reset begins), when a
 * maintenance unlock ends, or when the agent starts, is remembered as left behind and is not
 * mounted in any later session until it has gone from the list and come back: the next visitor
 * does not get the previous one's stick opened for them. A device is told from another stick in the
 * same port by its path, its disk's serial and its file system's UUID ({@link BlockDevice#identity()});
 * what udev had not read yet when a stick was left behind matches anything ({@link Identity#covers}).
 *
 * <p><b>No race with the reset.</b> A mount is made holding a lock that {@link #sessionEnding()}
 * takes too, and only while the session that was open when the round began is still open: once
 * {@code sessionEnding()} returns (before the reset's unmount, {@link RemovableMedia}), nothing is
 * mounted for that session. The lock is fair and held for one mount at a time, so a reset waits
 * for at most the mount in progress (bounded by {@link #MOUNT_TIMEOUT}).
 *
 * <p>The list is read between sessions too (nothing is mounted then): that is how a left-behind
 * stick pulled out on the lock screen is seen to be gone.
 */
public final class MediaAutomount implements SessionEvents, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MediaAutomount.class);
    /** How often the devices are listed: a stick is open for the visitor within this of being seen. */
    public static final Duration POLL = Duration.ofSeconds(2);
    /**
     * Longer than the 25 s a D-Bus call of udisksctl waits by default, so that udisksctl gives up
     * (and says why) before the agent has to kill it.
     */
    static final Duration MOUNT_TIMEOUT = Duration.ofSeconds(30);

    static final Duration LIST_TIMEOUT = Duration.ofSeconds(10);
    /**
     * What sticks, cards, cameras, phones and discs come formatted with: FAT, exFAT, NTFS (blkid
     * calls it "ntfs" whichever kernel driver mounts it), ext2/3/4 (a stick formatted on Linux),
     * ISO 9660 and UDF (CDs, DVDs). Not btrfs, xfs, f2fs, hfsplus and the like: nobody brings them
     * to a club, and each is another kernel parser a crafted stick could aim at; not swap, LUKS or
     * RAID/LVM members, which are no file systems to open.
     */
    static final Set<String> FILESYSTEMS = Set.of("vfat", "exfat", "ntfs", "ext2", "ext3", "ext4", "iso9660", "udf");
    /** Whole disks (a stick formatted without partitions), partitions, CDs; never loop, LVM, crypt or RAID devices. */
    static final Set<String> TYPES = Set.of("disk", "part", "rom");
    /** Buses of disks inside the PC: a hot-plug SATA port makes an internal disk "hotplug", not removable. */
    static final Set<String> FIXED_BUSES = Set.of("sata", "ata", "sas", "nvme");

    /** Builds the command that runs a tool as the visitor ({@link LinuxVisitorAccount#toolCommand}). */
    @FunctionalInterface
    interface AsVisitor {
        ProcessBuilder command(List<String> argv);
    }

    private final Path lsblk;
    private final Path udisksctl;
    private final AsVisitor asVisitor;
    private final List<Path> mediaDirs;
    private final Duration mountTimeout;
    /** Fair: a reset waiting for it comes before the round's next mount. */
    private final ReentrantLock lock = new ReentrantLock(true);

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "media-automount");
        t.setDaemon(true);
        return t;
    });

    // guarded by lock
    private boolean open;
    private long generation;
    private final Set<Identity> leftBehind = new HashSet<>();
    private final Set<Identity> tried = new HashSet<>();
    /** The next list read marks everything on it left behind: at start, and when a list failed at a session's end. */
    private boolean markAllNext = true;

    private boolean listFailing;
    private volatile boolean started;
    /** Only on the thread. */
    private boolean roundFailing;

    /**
     * @param lsblk        util-linux lsblk
     * @param udisksctl    udisks' command-line client
     * @param asVisitor    how a tool is run as the visitor
     * @param mediaDirs    where udisks mounts the visitor's media (and the reset unmounts them): a disk
     *                     with a file system mounted anywhere else is the system's, never touched
     * @param mountTimeout how long one {@code udisksctl mount} may take
     */
    MediaAutomount(Path lsblk, Path udisksctl, AsVisitor asVisitor, List<Path> mediaDirs, Duration mountTimeout) {
        this.lsblk = Objects.requireNonNull(lsblk, "lsblk");
        this.udisksctl = Objects.requireNonNull(udisksctl, "udisksctl");
        this.asVisitor = Objects.requireNonNull(asVisitor, "asVisitor");
        this.mediaDirs = List.copyOf(mediaDirs);
        this.mountTimeout = Objects.requireNonNull(mountTimeout, "mountTimeout");
    }

    /** Starts listing every {@link #POLL}, the first list at once (it marks what is plugged in now as left behind). */
    public MediaAutomount start() {
        started = true;
        thread.scheduleWithFixedDelay(this::roundQuietly, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public void sessionOpened() {
        lock.lock();
        try {
            open = true;
            generation++;
            tried.clear();
        } finally {
            lock.unlock();
        }
        if (started) {
            // a stick plugged in on the lock screen opens now, not a poll later
            try {
                thread.execute(this::roundQuietly);
            } catch (RejectedExecutionException e) {
                LOG.debug("media automount closed; not listing now");
            }
        }
    }

    @Override
    public void sessionEnding() {
        closeAndMarkLeftBehind("the session ended");
    }

    @Override
    public void maintenanceOver() {
        closeAndMarkLeftBehind("maintenance ended");
    }

    /** Waits for a mount in progress, stops mounting, and remembers what is plugged in now as left behind. */
    private void closeAndMarkLeftBehind(String why) {
        lock.lock();
        try {
            open = false;
            generation++;
            tried.clear();
            List<BlockDevice> devices = list();
            if (devices == null) {
                markAllNext = true;
                return;
            }
            int before = leftBehind.size();
            devices.forEach(d -> leftBehind.add(d.identity()));
            LOG.debug(
                    "{}: {} block devices remembered as left behind ({} new)",
                    why,
                    devices.size(),
                    leftBehind.size() - before);
        } catch (RuntimeException e) {
            markAllNext = true;
            LOG.error("media automount: {}: cannot remember what was left behind", why, e);
        } finally {
            lock.unlock();
        }
    }

    /** On the thread: a round that throws is logged once, not every {@link #POLL}, until one succeeds. */
    private void roundQuietly() {
        try {
            round();
            roundFailing = false;
        } catch (RuntimeException e) {
            if (!roundFailing) {
                LOG.error("media automount round failed (said once until a round succeeds)", e);
            }
            roundFailing = true;
        }
    }

    /** One round: list, forget what is gone, and while a session is open mount what is new. */
    void round() {
        List<BlockDevice> toMount;
        long gen;
        lock.lock();
        try {
            List<BlockDevice> devices = list();
            if (devices == null) {
                return;
            }
            // gone from the list: a left-behind stick pulled out is new when it comes back
            leftBehind.removeIf(seen -> devices.stream().noneMatch(seen::covers));
            tried.removeIf(seen -> devices.stream().noneMatch(d -> d.identity().equals(seen)));
            if (markAllNext) {
                devices.forEach(d -> leftBehind.add(d.identity()));
                markAllNext = false;
            }
            if (!open) {
                return;
            }
            gen = generation;
            toMount = new ArrayList<>();
            for (BlockDevice d : candidates(devices)) {
                // tried.add: once per session, whether the mount works or not
                if (leftBehind.stream().noneMatch(seen -> seen.covers(d)) && tried.add(d.identity())) {
                    toMount.add(d);
                }
            }
        } finally {
            lock.unlock();
        }
        for (BlockDevice d : toMount) {
            lock.lock();
            try {
                if (!open || generation != gen) {
                    // the session ended (its reset began) while this round ran: nothing more for it
                    return;
                }
                mount(d);
            } finally {
                lock.unlock();
            }
        }
    }

    /** The devices to mount for a visitor, of those listed (left-behind and tried ones not yet taken out). */
    List<BlockDevice> candidates(List<BlockDevice> devices) {
        Set<String> systemDisks = new HashSet<>();
        for (BlockDevice d : devices) {
            if (d.mounted() && !BlockDevices.below(d.mountpoint(), mediaDirs)) {
                systemDisks.add(d.disk());
            }
        }
        return devices.stream()
                .filter(d -> !systemDisks.contains(d.disk()))
                .filter(d -> d.removable() || (d.hotplug() && !FIXED_BUSES.contains(d.transport())))
                .filter(d -> TYPES.contains(d.type()) && !d.parent())
                .filter(d -> FILESYSTEMS.contains(d.fstype()))
                .filter(d -> !d.mounted())
                .toList();
    }

    private void mount(BlockDevice d) {
        List<String> argv = List.of(udisksctl.toString(), "mount", "-b", d.path(), "--no-user-interaction");
        ToolRun.Result r = ToolRun.run("udisksctl", asVisitor.command(argv), mountTimeout, true);
        if (r.exit() == 0) {
            LOG.info("Mounted {} ({}) for the visitor", d.path(), d.fstype());
        } else {
            LOG.warn(
                    "Could not mount {} ({}) for the visitor, not trying again this session: {}",
                    d.path(),
                    d.fstype(),
                    r.problem());
        }
    }

    /** The devices now, or null when lsblk failed (said once, until it works again). */
    private List<BlockDevice> list() {
        ProcessBuilder pb = new ProcessBuilder(lsblk.toString(), "--json", "--paths", "--output", BlockDevices.COLUMNS);
        pb.environment().clear();
        pb.environment().put("PATH", ToolRun.TOOL_PATH);
        pb.environment().put("LANG", "C");
        ToolRun.Result r = ToolRun.run("lsblk", pb, LIST_TIMEOUT, false);
        String problem = r.problem();
        if (r.exit() == 0) {
            try {
                List<BlockDevice> devices = BlockDevices.parse(r.output());
                if (listFailing) {
                    LOG.info("lsblk lists the block devices again");
                    listFailing = false;
                }
                return devices;
            } catch (IOException e) {
                problem = "its output is not understood: " + Tally.reason(e);
            }
        }
        if (!listFailing) {
            LOG.warn(
                    "Cannot list the block devices ({}): {}; nothing is mounted for the visitor until it works"
                            + " (said once)",
                    lsblk,
                    problem);
            listFailing = true;
        }
        return null;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }

    @Override
    public String toString() {
        return "media automount (" + lsblk + ", " + udisksctl + " as the visitor, every " + POLL.toSeconds() + " s)";
    }
}
