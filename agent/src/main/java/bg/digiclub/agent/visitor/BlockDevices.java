package bg.digiclub.agent.visitor;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The PC's block devices as util-linux {@code lsblk} lists them ({@link #COLUMNS}, JSON), flattened
 * into one list: disks, their partitions, CD drives. Parsing only; {@link MediaAutomount} runs the
 * tool.
 *
 * <p>lsblk 2.38 (Debian 12) writes {@code hotplug} and {@code rm} as JSON booleans; older versions
 * wrote {@code "0"}/{@code "1"} strings: both are read. A partition has no transport, serial or
 * removable flag of its own in every version, so it takes its disk's ({@link BlockDevice#disk()}
 * is the top-level device it sits on, which the system-disk rule groups by).
 */
final class BlockDevices {
    /** The columns asked for: what the decisions need, nothing more (no labels, sizes or models). */
    static final String COLUMNS = "PATH,TYPE,TRAN,HOTPLUG,RM,FSTYPE,MOUNTPOINT,SERIAL,UUID";

    private static final ObjectMapper JSON = new ObjectMapper();

    private BlockDevices() {}

    /**
     * One block device.
     *
     * @param path       its device file ({@code /dev/sdb1})
     * @param type       lsblk's TYPE: disk, part, rom, loop, lvm, crypt, ...
     * @param transport  the bus of its disk (usb, sata, nvme, ...), "" when lsblk does not say
     * @param hotplug    it (or its disk) can be plugged in and out while the PC runs
     * @param removable  it (or its disk) has removable media (RM: card readers, CD drives, many sticks)
     * @param fstype     the file system on it, "" when none is known
     * @param mountpoint where it is mounted (as the agent sees the mount table), "" when nowhere
     * @param serial     the serial of its disk, "" when none
     * @param uuid       the file system's UUID (volume serial for FAT), "" when none
     * @param disk       the path of the top-level device it belongs to (itself for a disk)
     * @param parent     whether other devices sit on it (a disk with partitions)
     */
    record BlockDevice(
            String path,
            String type,
            String transport,
            boolean hotplug,
            boolean removable,
            String fstype,
            String mountpoint,
            String serial,
            String uuid,
            String disk,
            boolean parent) {
        BlockDevice {
            Objects.requireNonNull(path, "path");
        }

        boolean mounted() {
            return !mountpoint.isEmpty();
        }

        /**
         * What tells this device from another stick put into the same port: the path and, when there,
         * the disk's serial and the file system's UUID. Kept in memory only, never logged.
         */
        Identity identity() {
            return new Identity(path, serial, uuid);
        }
    }

    /**
     * A device as it was seen: its path, its disk's serial and its file system's UUID ("" when not
     * known). udev learns the serial and the UUID a moment after the device appears, so a stick seen
     * just after it was plugged in may have neither yet.
     */
    record Identity(String path, String serial, String uuid) {
        /**
         * Whether {@code d} may be the device seen as this: the same path, and the same serial and UUID
         * where this one knew them (what was not known yet matches anything: the safe side, for a
         * left-behind stick seen before udev had read it).
         */
        boolean covers(BlockDevice d) {
            return path.equals(d.path())
                    && (serial.isEmpty() || serial.equals(d.serial()))
                    && (uuid.isEmpty() || uuid.equals(d.uuid()));
        }
    }

    /** Parses {@code lsblk --json --paths --output COLUMNS}. */
    static List<BlockDevice> parse(String json) throws IOException {
        JsonNode root = JSON.readTree(json);
        if (root == null || !root.path("blockdevices").isArray()) {
            throw new IOException("not lsblk's JSON: no \"blockdevices\" array");
        }
        List<BlockDevice> out = new ArrayList<>();
        for (JsonNode node : root.path("blockdevices")) {
            add(node, null, out);
        }
        return out;
    }

    private static void add(JsonNode node, BlockDevice parentDevice, List<BlockDevice> out) throws IOException {
        String path = text(node, "path");
        if (path.isEmpty()) {
            // lsblk before PATH existed: NAME is the path with --paths
            path = text(node, "name");
        }
        if (!path.startsWith("/dev/")) {
            throw new IOException("lsblk listed a device without a /dev path: '" + path + "'");
        }
        JsonNode children = node.path("children");
        boolean hasChildren = children.isArray() && !children.isEmpty();
        BlockDevice d = new BlockDevice(
                path,
                text(node, "type").toLowerCase(Locale.ROOT),
                inherit(
                        text(node, "tran").toLowerCase(Locale.ROOT),
                        parentDevice == null ? "" : parentDevice.transport()),
                flag(node, "hotplug") || (parentDevice != null && parentDevice.hotplug()),
                flag(node, "rm") || (parentDevice != null && parentDevice.removable()),
                text(node, "fstype").toLowerCase(Locale.ROOT),
                text(node, "mountpoint"),
                inherit(text(node, "serial"), parentDevice == null ? "" : parentDevice.serial()),
                text(node, "uuid"),
                parentDevice == null ? path : parentDevice.disk(),
                hasChildren);
        out.add(d);
        if (hasChildren) {
            for (JsonNode child : children) {
                add(child, d, out);
            }
        }
    }

    private static String inherit(String own, String parents) {
        return own.isEmpty() ? parents : own;
    }

    private static String text(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? "" : v.asText().strip();
    }

    /** true, "1" or "true"; false, "0", null or missing. */
    private static boolean flag(JsonNode node, String key) throws IOException {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isNumber()) {
            return v.asInt() != 0;
        }
        return switch (v.asText().strip()) {
            case "1", "true" -> true;
            case "0", "false", "" -> false;
            default -> throw new IOException("lsblk's " + key + " is neither a boolean nor 0/1: '" + v.asText() + "'");
        };
    }

    /** Whether {@code mountpoint} is strictly below one of {@code dirs}. */
    static boolean below(String mountpoint, List<Path> dirs) {
        if (mountpoint.isEmpty() || !mountpoint.startsWith("/")) {
            return false;
        }
        Path p;
        try {
            p = Path.of(mountpoint).normalize();
        } catch (InvalidPathException e) {
            // not a path we can compare: not the visitor's, so its disk counts as the system's
            return false;
        }
        return dirs.stream().anyMatch(d -> p.startsWith(d) && !p.equals(d));
    }
}
