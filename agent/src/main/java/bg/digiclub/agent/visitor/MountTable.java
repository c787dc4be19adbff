package bg.digiclub.agent.visitor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The file systems mounted as this process sees them, from {@code /proc/self/mountinfo}
 * (proc(5)). A line reads
 * <pre>
 * 36 35 98:0 /mnt1 /mnt/parent rw,noatime master:1 - ext3 /dev/root rw,errors=continue
 * </pre>
 * mount id, parent id, device, root within its file system, mount point, mount options, zero or
 * more optional fields (propagation: {@code shared:N}, {@code master:N}, ...) ended by a single
 * {@code -}, then file system type, source and super-block options. Space, tab, newline and
 * backslash in a path or source are written as octal escapes ({@code \040}, {@code \011},
 * {@code \012}, {@code \134}): a USB stick labelled "MY STICK" is mounted at
 * {@code /media/visitor/MY\040STICK}.
 *
 * <p>Reading ({@link #read()}) is kept apart from parsing ({@link #parse(List)}), which the tests
 * feed with captured lines.
 */
final class MountTable {
    static final Path SELF = Path.of("/proc/self/mountinfo");

    /**
     * One mounted file system.
     *
     * @param id             unique id of the mount (reused after it is unmounted)
     * @param parentId       id of the mount it sits on
     * @param device         {@code major:minor} of the file system
     * @param root           the directory of the file system mounted here ({@code /} but for bind mounts)
     * @param mountPoint     where it is mounted, unescaped
     * @param options        per-mount options ({@code rw,nosuid,...})
     * @param optionalFields propagation fields such as {@code shared:1}; often none
     * @param type           file system type ({@code vfat}, {@code tmpfs}, {@code fuse.sshfs})
     * @param source         what is mounted ({@code /dev/sdb1}, {@code tmpfs}), unescaped; may be empty
     * @param superOptions   per-file-system options ({@code rw,size=8192k,mode=700})
     */
    record Mount(
            int id,
            int parentId,
            String device,
            String root,
            Path mountPoint,
            String options,
            List<String> optionalFields,
            String type,
            String source,
            String superOptions) {
        Mount {
            optionalFields = List.copyOf(optionalFields);
        }

        /** Whether {@code dir} lies strictly below this mount point's directory ({@code dir} itself excluded). */
        boolean isBelow(Path dir) {
            return mountPoint.startsWith(dir) && !mountPoint.equals(dir);
        }

        /** A short description for messages: {@code /media/v/MY STICK (vfat /dev/sdb1)}. */
        String describe() {
            return mountPoint + " (" + type + (source.isEmpty() ? "" : " " + source) + ")";
        }
    }

    private MountTable() {}

    /** This process's mounts, in the kernel's order (a mount after the one it sits on). */
    static List<Mount> read() throws IOException {
        return read(SELF);
    }

    static List<Mount> read(Path mountinfo) throws IOException {
        // bytes as ISO-8859-1 chars: every byte kept, so that escapes and UTF-8 names are decoded together below
        return parse(Arrays.asList(new String(Files.readAllBytes(mountinfo), StandardCharsets.ISO_8859_1).split("\n")));
    }

    /** The last mount at {@code mountPoint} (the one on top, visible there), if any. */
    static Optional<Mount> at(List<Mount> mounts, Path mountPoint) {
        Mount found = null;
        for (Mount m : mounts) {
            if (m.mountPoint().equals(mountPoint)) {
                found = m;
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * Parses mountinfo lines (read as ISO-8859-1, one char per byte; names are decoded as UTF-8).
     * Empty lines are skipped.
     *
     * @throws IOException naming the line when one is not in the kernel's format
     */
    static List<Mount> parse(List<String> lines) throws IOException {
        List<Mount> mounts = new ArrayList<>();
        for (String line : lines) {
            if (!line.isBlank()) {
                mounts.add(parseLine(line));
            }
        }
        return mounts;
    }

    static Mount parseLine(String line) throws IOException {
        String[] f = line.split(" ", -1);
        int separator = -1;
        // fields 0..5 are fixed; the optional ones follow until a lone "-"
        for (int i = 6; i < f.length; i++) {
            if (f[i].equals("-")) {
                separator = i;
                break;
            }
        }
        if (separator < 0 || f.length < separator + 2) {
            throw new IOException("not a mountinfo line (no ' - ' separator followed by a type): " + line);
        }
        try {
            int id = Integer.parseInt(f[0]);
            int parentId = Integer.parseInt(f[1]);
            if (!f[2].matches("\\d+:\\d+") || !f[4].startsWith("/")) {
                throw new IOException("not a mountinfo line (device or mount point): " + line);
            }
            List<String> optional = List.of(Arrays.copyOfRange(f, 6, separator));
            String source = f.length > separator + 2 ? unescape(f[separator + 2]) : "";
            String superOptions = f.length > separator + 3 ? f[separator + 3] : "";
            return new Mount(
                    id,
                    parentId,
                    f[2],
                    unescape(f[3]),
                    Path.of(unescape(f[4])),
                    f[5],
                    optional,
                    unescape(f[separator + 1]),
                    source,
                    superOptions);
        } catch (NumberFormatException e) {
            throw new IOException("not a mountinfo line (mount ids): " + line, e);
        }
    }

    /**
     * Undoes the kernel's octal escapes ({@code \040} space, {@code \011} tab, {@code \012}
     * newline, {@code \134} backslash; any {@code \NNN}) and decodes the bytes as UTF-8.
     */
    static String unescape(String field) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(field.length());
        int i = 0;
        while (i < field.length()) {
            char c = field.charAt(i);
            if (c == '\\' && isOctal(field, i + 1)) {
                bytes.write(Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 4;
            } else {
                bytes.write(c & 0xff);
                i++;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isOctal(String s, int from) {
        if (from + 3 > s.length()) {
            return false;
        }
        for (int k = from; k < from + 3; k++) {
            char d = s.charAt(k);
            if (d < '0' || d > '7') {
                return false;
            }
        }
        // \4xx and above would be more than a byte; the kernel never writes them
        return s.charAt(from) <= '3';
    }
}
