package bg.digiclub.installer.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where the installer writes: the machine's own root ({@code /}) or a directory tree standing
 * for one ({@code --root DIR}, for tests and image building). Every absolute path of the
 * layout is resolved under it, and account names become ids from <em>its</em> {@code etc/passwd}
 * and {@code etc/group}, so that a tree built for another machine carries that machine's ids.
 */
public final class Target {
    private final Path root;

    public Target(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** True when installing onto this machine itself (services are started, archives recorded). */
    public boolean isLiveSystem() {
        return root.getParent() == null;
    }

    /**
     * This machine, booted with systemd (as {@code /run/systemd/system} tells): false in a chroot
     * or a container being made into an image, where units are enabled by their links alone and
     * start at the first boot.
     */
    public boolean systemdRunning() {
        return isLiveSystem() && java.nio.file.Files.isDirectory(Path.of("/run/systemd/system"));
    }

    /** An absolute layout path ({@code /etc/digiclub}) inside this target. */
    public Path resolve(String absolute) {
        if (!absolute.startsWith("/")) {
            throw new IllegalArgumentException("not an absolute path: " + absolute);
        }
        return absolute.length() == 1 ? root : root.resolve(absolute.substring(1));
    }

    /** The layout path of a file inside this target ({@code DIR/etc/x} gives {@code /etc/x}). */
    public String layoutPath(Path inside) {
        return "/" + root.relativize(inside.toAbsolutePath().normalize());
    }

    /** A line of the target's passwd: name, uid, gid, home, shell. */
    public record PasswdEntry(String name, int uid, int gid, String home, String shell) {}

    /** A line of the target's group: name, gid, members. */
    public record GroupEntry(String name, int gid, List<String> members) {}

    public Optional<PasswdEntry> user(String name) throws IOException {
        for (String line : lines("/etc/passwd")) {
            String[] f = line.split(":", -1);
            if (f.length >= 7 && f[0].equals(name)) {
                return Optional.of(new PasswdEntry(f[0], Integer.parseInt(f[2]), Integer.parseInt(f[3]), f[5], f[6]));
            }
        }
        return Optional.empty();
    }

    public Optional<GroupEntry> group(String name) throws IOException {
        for (String line : lines("/etc/group")) {
            String[] f = line.split(":", -1);
            if (f.length >= 4 && f[0].equals(name)) {
                List<String> members = f[3].isEmpty() ? List.of() : List.of(f[3].split(","));
                return Optional.of(new GroupEntry(f[0], Integer.parseInt(f[2]), members));
            }
        }
        return Optional.empty();
    }

    /** The uid of an account of the target; {@code root} is 0 even in a tree without a passwd. */
    public int uid(String name) throws IOException {
        if (name.equals("root")) {
            return 0;
        }
        return user(name)
                .orElseThrow(() -> new IOException("no account " + name + " in " + resolve("/etc/passwd")))
                .uid();
    }

    public int gid(String name) throws IOException {
        if (name.equals("root")) {
            return 0;
        }
        return group(name)
                .orElseThrow(() -> new IOException("no group " + name + " in " + resolve("/etc/group")))
                .gid();
    }

    private List<String> lines(String file) throws IOException {
        Path p = resolve(file);
        return Files.exists(p) ? Files.readAllLines(p, StandardCharsets.UTF_8) : List.of();
    }
}
