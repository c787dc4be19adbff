package bg.digiclub.kiosk.wipe;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The visitor's trash directory ({@code wipe.trash}, a direct child of the home): entries are
 * renamed into it in constant time, so the next visitor's screen does not wait for thousands of
 * unlinks, and are deleted from it in the background. It is opened by name from the home without
 * following links, created with owner-only permissions when missing; a link in its place is
 * removed and never used.
 */
final class Quarantine implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(Quarantine.class);

    private final Directory home;
    private final Directory trash;
    // Unique across runs and kiosk restarts: entries left by an interrupted purge never collide.
    private final String prefix = UUID.randomUUID().toString().substring(0, 8) + "-";
    private int next;

    private Quarantine(Directory home, Directory trash) {
        this.home = home;
        this.trash = trash;
    }

    /** Opens (creating if needed) {@code home/trashName}. */
    static Quarantine open(Path home, Path trashName) throws IOException {
        Path realHome = home.toRealPath();
        Directory homeDir = Directory.openTrusted(realHome);
        try {
            Directory.Kind kind = homeDir.kind(trashName);
            if (kind == Directory.Kind.LINK || kind == Directory.Kind.FILE) {
                LOG.warn("{} is not a directory; removing it", realHome.resolve(trashName));
                homeDir.deleteFile(trashName);
                kind = Directory.Kind.MISSING;
            }
            if (kind == Directory.Kind.MISSING) {
                try {
                    Files.createDirectory(realHome.resolve(trashName),
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } catch (FileAlreadyExistsException e) {
                    // made meanwhile; opening it without following links below checks what it is
                } catch (UnsupportedOperationException e) {
                    Files.createDirectory(realHome.resolve(trashName)); // Windows: ACLs of the profile apply
                }
            }
            return new Quarantine(homeDir, homeDir.open(trashName));
        } catch (IOException | RuntimeException e) {
            homeDir.close();
            throw e;
        }
    }

    /** Moves {@code name} out of {@code from} into the trash; false if it cannot be renamed there. */
    boolean take(Directory from, Path name) {
        try {
            from.moveTo(name, trash, Path.of(prefix + next++));
            return true;
        } catch (IOException e) {
            // e.g. another file system (EXDEV): the caller deletes in place instead
            LOG.debug("Cannot move {} to the trash: {}", from.location().resolve(name), Tally.reason(e));
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            trash.close();
        } finally {
            home.close();
        }
    }
}
