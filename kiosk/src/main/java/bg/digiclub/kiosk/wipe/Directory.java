package bg.digiclub.kiosk.wipe;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * An open directory whose entries are addressed by name, never by following a path again. On
 * Linux it is a {@link SecureDirectoryStream} (openat/unlinkat on a held descriptor), so a
 * symbolic link swapped in anywhere cannot redirect the wipe and trees deeper than PATH_MAX are
 * still reachable; elsewhere (Windows) it falls back to checked path operations.
 *
 * <p>Names are {@link Path}s of one element, not strings: a Linux file name need not be valid
 * UTF-8, and only the original bytes can delete it.
 */
interface Directory extends Closeable {

    /** What an entry is, looked at without following links. */
    enum Kind {
        MISSING, FILE, DIRECTORY,
        /** A symbolic link, or a Windows junction/reparse point: removed itself, never entered. */
        LINK
    }

    /** Where this directory is, for messages. */
    Path location();

    /** The names in this directory now. */
    List<Path> names() throws IOException;

    Kind kind(Path name) throws IOException;

    /** Opens a sub-directory without following a link in its place. */
    Directory open(Path name) throws IOException;

    void deleteFile(Path name) throws IOException;

    void deleteDirectory(Path name) throws IOException;

    /**
     * Renames entry {@code name} into {@code target} as {@code newName}; a link is moved as a link.
     * Fails (for example across file systems) without changing anything.
     */
    void moveTo(Path name, Directory target, Path newName) throws IOException;

    /** The owner's account name, for steps limited to the visitor's own entries. */
    String owner(Path name) throws IOException;

    /** Grants the owner read, write and search on this directory so its entries can be removed. */
    void grantOwnerAccess() throws IOException;

    /** Grants the owner read, write and search on a sub-directory so it can be opened. */
    void grantOwnerAccess(Path name) throws IOException;

    /** Opens {@code dir} itself (following links in {@code dir}, which the caller vouches for). */
    static Directory openTrusted(Path dir) throws IOException {
        DirectoryStream<Path> stream = Files.newDirectoryStream(dir);
        if (stream instanceof SecureDirectoryStream) {
            return new SecureDirectory(dir, (SecureDirectoryStream<Path>) stream);
        }
        stream.close();
        return new PlainDirectory(dir);
    }

    static Kind kindOf(BasicFileAttributes attrs) {
        if (attrs.isSymbolicLink()) {
            return Kind.LINK;
        }
        if (attrs.isDirectory()) {
            // Windows reports a junction as a directory that is also "other": do not enter it.
            return attrs.isOther() ? Kind.LINK : Kind.DIRECTORY;
        }
        return Kind.FILE;
    }

    LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};
}
