package bg.digiclub.agent.health.sampling.oshi;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Decides which file stores are the PC's real file systems — the ones whose free space matters to
 * club staff. OSHI's local-only listing already drops network shares and most kernel file systems;
 * this filter also drops what OSHI keeps but a "disk nearly full" alert must not be raised for:
 * RAM-backed and image file systems, read-only mounts (snap and live-CD images are always 100 %
 * full), removable media (a visitor's nearly full USB stick is not the PC's problem) and stores
 * with no size.
 */
final class FileStoreFilter {

    /** What the filter looks at in one file store; plain values so tests need no OSHI objects. */
    record FileStoreFacts(
            String mount, String type, String options, String description, boolean local, long totalBytes) {}

    /** File system types that hold no user data on a disk (kernel views, RAM, overlays, images). */
    private static final Set<String> PSEUDO_TYPES = Set.of(
            "proc",
            "sysfs",
            "tmpfs",
            "devtmpfs",
            "devpts",
            "ramfs",
            "overlay",
            "squashfs",
            "cgroup",
            "cgroup2",
            "mqueue",
            "debugfs",
            "tracefs",
            "securityfs",
            "pstore",
            "bpf",
            "configfs",
            "fusectl",
            "hugetlbfs",
            "autofs",
            "binfmt_misc",
            "efivarfs",
            "nsfs",
            "rpc_pipefs",
            "rootfs",
            "iso9660",
            "udf",
            "cdfs",
            "fuse.snapfuse",
            "fuse.portal",
            "fuse.gvfsd-fuse");

    /** OSHI's descriptions of stores that are removable, optical, RAM-backed or remote. */
    private static final Set<String> SKIPPED_DESCRIPTIONS =
            Set.of("removable drive", "cd-rom", "ram drive", "network drive", "ram disk", "network disk");

    /** Mount points under which Linux desktops mount removable media, or the kernel its own views. */
    private static final String[] SKIPPED_MOUNT_PREFIXES = {"/media/", "/run/", "/snap/", "/proc/", "/sys/", "/dev/"};

    private FileStoreFilter() {}

    /** True when the store is a real, local, writable, non-removable file system with a size. */
    static boolean counts(FileStoreFacts store) {
        if (!store.local() || store.totalBytes() <= 0) {
            return false;
        }
        String type = lower(store.type());
        if (PSEUDO_TYPES.contains(type)) {
            return false;
        }
        if (isReadOnly(store.options())) {
            return false;
        }
        if (SKIPPED_DESCRIPTIONS.contains(lower(store.description()))) {
            return false;
        }
        String mount = store.mount() == null ? "" : store.mount();
        return Arrays.stream(SKIPPED_MOUNT_PREFIXES).noneMatch(prefix -> (mount + "/").startsWith(prefix));
    }

    /** True when the mount options (comma-separated, as in {@code /proc/self/mounts}) contain {@code ro}. */
    static boolean isReadOnly(String options) {
        if (options == null || options.isBlank()) {
            return false;
        }
        return Arrays.stream(options.split(",")).map(String::trim).anyMatch("ro"::equals);
    }

    private static String lower(String s) {
        return s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
    }
}
