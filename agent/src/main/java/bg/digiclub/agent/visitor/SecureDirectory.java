package bg.digiclub.agent.visitor;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileOwnerAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * An open directory whose entries are addressed by name on a held descriptor (Java's
 * {@link SecureDirectoryStream}: openat, unlinkat with links never followed), so a symbolic link
 * swapped in anywhere cannot redirect a deletion and trees deeper than PATH_MAX are still
 * reachable. Linux only: the agent's visitor account exists only there.
 *
 * <p>Names are {@link Path}s of one element, not strings: a Linux file name need not be valid
 * UTF-8, and only the original bytes can delete it.
 */
final class SecureDirectory implements Closeable {
    static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};

    /** What an entry is, looked at without following links. */
    enum Kind {
        MISSING,
        FILE,
        DIRECTORY,
        /** A symbolic link: removed itself, never entered. */
        LINK
    }

    private final Path location;
    private final SecureDirectoryStream<Path> stream;
    private boolean listed;

    private SecureDirectory(Path location, SecureDirectoryStream<Path> stream) {
        this.location = location;
        this.stream = stream;
    }

    /** Opens {@code dir} itself (following links in {@code dir}, which the caller vouches for). */
    static SecureDirectory openTrusted(Path dir) throws IOException {
        DirectoryStream<Path> s = Files.newDirectoryStream(dir);
        if (s instanceof SecureDirectoryStream<Path> secure) {
            return new SecureDirectory(dir, secure);
        }
        s.close();
        throw new IOException(
                dir + ": this file system cannot delete without following links (no SecureDirectoryStream)");
    }

    /** Where this directory is, for messages. */
    Path location() {
        return location;
    }

    /** The names in this directory now. */
    List<Path> names() throws IOException {
        if (listed) {
            // A directory stream iterates once; a second listing reopens "." on the same descriptor.
            try (SecureDirectoryStream<Path> again = stream.newDirectoryStream(Path.of("."), NO_FOLLOW)) {
                return collect(again);
            }
        }
        listed = true;
        return collect(stream);
    }

    private static List<Path> collect(SecureDirectoryStream<Path> s) {
        List<Path> names = new ArrayList<>();
        for (Path entry : s) {
            names.add(entry.getFileName());
        }
        return names;
    }

    Kind kind(Path name) throws IOException {
        try {
            BasicFileAttributes attrs = stream.getFileAttributeView(name, BasicFileAttributeView.class, NO_FOLLOW)
                    .readAttributes();
            if (attrs.isSymbolicLink()) {
                return Kind.LINK;
            }
            return attrs.isDirectory() ? Kind.DIRECTORY : Kind.FILE;
        } catch (NoSuchFileException e) {
            return Kind.MISSING;
        }
    }

    /** Opens a sub-directory without following a link in its place. */
    SecureDirectory open(Path name) throws IOException {
        // NOFOLLOW_LINKS makes openat fail (ELOOP) if a link was swapped in after kind() looked.
        return new SecureDirectory(location.resolve(name), stream.newDirectoryStream(name, NO_FOLLOW));
    }

    void deleteFile(Path name) throws IOException {
        stream.deleteFile(name);
    }

    void deleteDirectory(Path name) throws IOException {
        stream.deleteDirectory(name);
    }

    /** The owner's account name, for steps limited to one account's entries. */
    String owner(Path name) throws IOException {
        return stream.getFileAttributeView(name, FileOwnerAttributeView.class, NO_FOLLOW)
                .getOwner()
                .getName();
    }

    /** Grants the owner read, write and search on this directory so its entries can be removed. */
    void grantOwnerAccess() throws IOException {
        PosixFileAttributeView view = stream.getFileAttributeView(PosixFileAttributeView.class);
        view.setPermissions(withOwnerAccess(view.readAttributes().permissions()));
    }

    /** Grants the owner read, write and search on a sub-directory so it can be opened. */
    void grantOwnerAccess(Path name) throws IOException {
        PosixFileAttributeView view = stream.getFileAttributeView(name, PosixFileAttributeView.class, NO_FOLLOW);
        Set<PosixFilePermission> wanted = withOwnerAccess(view.readAttributes().permissions());
        try {
            view.setPermissions(wanted);
        } catch (IOException e) {
            // Java 17 sets permissions of a named entry by opening it, which a mode-000 directory
            // refuses; fall back to chmod by path. kind() has just said it is a directory, not a link.
            if (kind(name) != Kind.DIRECTORY) {
                throw e;
            }
            Files.setPosixFilePermissions(location.resolve(name), wanted);
        }
    }

    private static Set<PosixFilePermission> withOwnerAccess(Set<PosixFilePermission> current) {
        Set<PosixFilePermission> perms =
                current.isEmpty() ? EnumSet.noneOf(PosixFilePermission.class) : EnumSet.copyOf(current);
        perms.add(PosixFilePermission.OWNER_READ);
        perms.add(PosixFilePermission.OWNER_WRITE);
        perms.add(PosixFilePermission.OWNER_EXECUTE);
        return perms;
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
