package bg.digiclub.installer.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Idempotent file operations on a {@link Target}, each change recorded in a {@link Journal}:
 * a directory or file that already is as wanted is left alone (its mtime too), so installing
 * twice changes nothing the second time.
 */
public final class Tree {
    private final Target target;
    private final Journal journal;

    public Tree(Target target, Journal journal) {
        this.target = target;
        this.journal = journal;
    }

    public Target target() {
        return target;
    }

    /** A directory with this mode and owner (its parents are made 0755 root:root if missing). */
    public void directory(String path, int mode, String owner, String group) throws IOException {
        Path dir = target.resolve(path);
        if (Files.isSymbolicLink(dir) || (Files.exists(dir) && !Files.isDirectory(dir))) {
            throw new IOException(dir + " exists and is not a directory");
        }
        if (!Files.exists(dir)) {
            Path parent = dir.getParent();
            if (parent != null
                    && !Files.exists(parent, LinkOption.NOFOLLOW_LINKS)
                    && parent.startsWith(target.root())
                    && !parent.equals(target.root())) {
                directory(target.layoutPath(parent), 0755, "root", "root");
            }
            Files.createDirectory(dir);
            journal.record("made directory " + path, () -> Files.deleteIfExists(dir));
        }
        attributes(dir, mode, target.uid(owner), target.gid(group));
    }

    /** A regular file with exactly this content, mode and owner; replaced (atomically) if it differs. */
    public void file(String path, byte[] content, int mode, String owner, String group) throws IOException {
        Path file = target.resolve(path);
        int uid = target.uid(owner);
        int gid = target.gid(group);
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(file + " is a directory, a file was expected");
        }
        boolean exists = Files.exists(file, LinkOption.NOFOLLOW_LINKS);
        if (exists && !Files.isSymbolicLink(file) && Arrays.equals(Files.readAllBytes(file), content)) {
            attributes(file, mode, uid, gid);
            return;
        }
        if (!Files.exists(file.getParent(), LinkOption.NOFOLLOW_LINKS)) {
            directory(target.layoutPath(file.getParent()), 0755, "root", "root"); // like its parents: 0755 root
        }
        if (!Files.isDirectory(file.getParent())) {
            throw new IOException("no directory " + file.getParent() + " for " + file.getFileName());
        }
        Path tmp = file.resolveSibling("." + file.getFileName() + ".digiclub-new");
        Files.deleteIfExists(tmp);
        Files.write(tmp, content);
        setAttributes(tmp, mode, uid, gid);
        if (exists) {
            Path saved = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".digiclub-old");
            Files.move(file, saved, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            journal.record(
                    "replaced " + path,
                    () -> Files.move(saved, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE));
            journal.onCommit(() -> Files.deleteIfExists(saved));
        } else {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            journal.record("wrote " + path, () -> Files.deleteIfExists(file));
        }
    }

    /** A file laid out only if it is not there yet (configuration the administrator may have edited). */
    public boolean fileIfAbsent(String path, byte[] content, int mode, String owner, String group) throws IOException {
        Path file = target.resolve(path);
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            attributes(file, mode, target.uid(owner), target.gid(group));
            return false;
        }
        file(path, content, mode, owner, group);
        return true;
    }

    /** A symbolic link {@code link -> to} (to is written as given: a layout path of the target). */
    public void symlink(String link, String to) throws IOException {
        Path l = target.resolve(link);
        if (Files.isSymbolicLink(l) && Files.readSymbolicLink(l).toString().equals(to)) {
            return;
        }
        if (Files.exists(l, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(l + " exists and is not the link to " + to);
        }
        Files.createSymbolicLink(l, Path.of(to));
        journal.record("linked " + link + " -> " + to, () -> Files.deleteIfExists(l));
    }

    /** Something to do once the whole install went through (see {@link Journal#onCommit}). */
    public void onCommit(Journal.Undo action) {
        journal.onCommit(action);
    }

    /** Records a change made outside these operations. */
    public void journalRecord(String what, Journal.Undo undo) {
        journal.record(what, undo);
    }

    /** Sets mode and owner when they differ, recording the old ones. */
    public void attributes(Path p, int mode, int uid, int gid) throws IOException {
        int oldMode = mode(p);
        int oldUid = (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        int oldGid = (Integer) Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS);
        if (oldMode == mode && oldUid == uid && oldGid == gid) {
            return;
        }
        setAttributes(p, mode, uid, gid);
        journal.record(
                String.format(
                        "set %s to %04o %d:%d (was %04o %d:%d)",
                        target.layoutPath(p), mode, uid, gid, oldMode, oldUid, oldGid),
                () -> setAttributes(p, oldMode, oldUid, oldGid));
    }

    /** The permission bits of a file (no set-id bits: the installer lays out none). */
    public static int mode(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
    }

    static void setAttributes(Path p, int mode, int uid, int gid) throws IOException {
        Files.setAttribute(p, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(p, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
        Files.setPosixFilePermissions(p, permissions(mode));
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ .. OTHERS_EXECUTE
        for (int i = 0; i < 9; i++) {
            if ((mode & (0400 >> i)) != 0) {
                set.add(bits[i]);
            }
        }
        return set;
    }
}
