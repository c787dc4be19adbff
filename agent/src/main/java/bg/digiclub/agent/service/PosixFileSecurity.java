package bg.digiclub.agent.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * Linux (and other POSIX systems): umask 077 through the C library, directories checked by
 * owner and mode bits.
 */
final class PosixFileSecurity implements FileSecurity {
    /** Files 0600, directories 0700. */
    static final int PRIVATE_UMASK = 0077;

    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);

    private static final int GROUP_OR_OTHERS_WRITE = 0022;
    private static final int STICKY = 01000;

    private final String account;

    /** @param account the account running the agent (the JVM's {@code user.name}), who must own the directories */
    PosixFileSecurity(String account) {
        this.account = Objects.requireNonNull(account, "account");
    }

    /** The one C function needed; JNA comes with OSHI. */
    interface CLibrary extends Library {
        int umask(int mask);
    }

    @Override
    public void makeNewFilesPrivate() {
        Native.load("c", CLibrary.class).umask(PRIVATE_UMASK);
    }

    @Override
    public void requirePrivateDirectory(Path dir, String what) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            // parents created here are private too: nothing of ours is left to others' eyes
            Files.createDirectories(
                    dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        PosixFileAttributes attributes;
        try {
            attributes = Files.readAttributes(dir, PosixFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new UnsafeDirectoryException("the " + what + " " + dir + " is a link to nothing");
        }
        if (!attributes.isDirectory()) {
            throw new UnsafeDirectoryException("the " + what + " " + dir + " is not a directory");
        }
        String owner = attributes.owner().getName();
        if (!owner.equals(account)) {
            throw new UnsafeDirectoryException("the " + what + " " + dir + " belongs to " + owner + ", not to "
                    + account + " who runs the agent: another account could read or change the agent's data."
                    + " Fix: chown " + account + " " + dir + " (or run the agent as " + owner + ")");
        }
        Set<PosixFilePermission> open = EnumSet.noneOf(PosixFilePermission.class);
        open.addAll(attributes.permissions());
        open.retainAll(OTHERS);
        if (!open.isEmpty()) {
            throw new UnsafeDirectoryException("the " + what + " " + dir + " has mode "
                    + PosixFilePermissions.toString(attributes.permissions())
                    + ": its group or other accounts may read, change or enter it, and it holds the device's"
                    + " credentials and the club's members. Fix: chmod 700 " + dir);
        }
        requireSafeAncestors(dir, ((Number) Files.getAttribute(dir, "unix:uid")).intValue(), what);
    }

    /**
     * Every directory above {@code dir} may be changed only by root or the agent's account (or
     * is sticky, like /tmp): otherwise another account could rename the agent's directory away
     * and put its own in its place.
     */
    private static void requireSafeAncestors(Path dir, int ownUid, String what) throws IOException {
        for (Path p = dir.toRealPath().getParent(); p != null; p = p.getParent()) {
            int mode = ((Number) Files.getAttribute(p, "unix:mode")).intValue();
            int uid = ((Number) Files.getAttribute(p, "unix:uid")).intValue();
            boolean sticky = (mode & STICKY) != 0;
            if ((mode & GROUP_OR_OTHERS_WRITE) != 0 && !sticky) {
                throw new UnsafeDirectoryException("the directory " + p + " above the " + what + " " + dir
                        + " may be changed by its group or others (mode " + Integer.toOctalString(mode & 07777)
                        + "): another account could replace the agent's directory. Fix: chmod go-w " + p);
            }
            if (uid != 0 && uid != ownUid) {
                throw new UnsafeDirectoryException("the directory " + p + " above the " + what + " " + dir
                        + " belongs to another account (uid " + uid + "), which could replace the agent's directory."
                        + " Fix: keep the agent's directories under root's or the agent's own");
            }
        }
    }
}
