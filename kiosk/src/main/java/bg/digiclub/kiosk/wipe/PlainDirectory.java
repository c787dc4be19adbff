package bg.digiclub.kiosk.wipe;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.DosFileAttributeView;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link Directory} by path, for file systems without {@code SecureDirectoryStream} (Windows).
 * Every entry is looked at without following links right before it is entered; the gap between
 * look and use is acceptable because the session's processes have been ended before the wipe.
 */
final class PlainDirectory implements Directory {
    private final Path location;

    PlainDirectory(Path location) {
        this.location = location;
    }

    @Override
    public Path location() {
        return location;
    }

    @Override
    public List<Path> names() throws IOException {
        List<Path> names = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(location)) {
            for (Path entry : stream) {
                names.add(entry.getFileName());
            }
        }
        return names;
    }

    @Override
    public Kind kind(Path name) throws IOException {
        try {
            return Directory.kindOf(Files.readAttributes(location.resolve(name), BasicFileAttributes.class, NO_FOLLOW));
        } catch (NoSuchFileException e) {
            return Kind.MISSING;
        }
    }

    @Override
    public Directory open(Path name) throws IOException {
        if (kind(name) != Kind.DIRECTORY) {
            throw new IOException(location.resolve(name) + " is not a plain directory; not entered");
        }
        return new PlainDirectory(location.resolve(name));
    }

    @Override
    public void deleteFile(Path name) throws IOException {
        Path file = location.resolve(name);
        clearReadOnly(file);
        Files.delete(file);
    }

    @Override
    public void deleteDirectory(Path name) throws IOException {
        Files.delete(location.resolve(name));
    }

    @Override
    public void moveTo(Path name, Directory target, Path newName) throws IOException {
        // ATOMIC_MOVE: a rename or nothing, never a copy that follows links.
        java.nio.file.Files.move(location.resolve(name), target.location().resolve(newName), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public String owner(Path name) throws IOException {
        return Files.getOwner(location.resolve(name), NO_FOLLOW).getName();
    }

    @Override
    public void grantOwnerAccess() {
        // Windows: ACLs of the visitor's own profile allow deletion; nothing portable to adjust.
    }

    @Override
    public void grantOwnerAccess(Path name) {
        // as above
    }

    /** Windows refuses to delete a read-only file; the attribute is the visitor's to clear. */
    private static void clearReadOnly(Path file) {
        DosFileAttributeView dos = Files.getFileAttributeView(file, DosFileAttributeView.class, NO_FOLLOW);
        if (dos != null) {
            try {
                dos.setReadOnly(false);
            } catch (IOException e) {
                // the delete that follows reports the real problem
            }
        }
    }

    @Override
    public void close() {
        // nothing held
    }
}
