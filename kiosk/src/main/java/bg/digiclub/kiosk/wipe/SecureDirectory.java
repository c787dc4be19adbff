package bg.digiclub.kiosk.wipe;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileOwnerAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** {@link Directory} over a held directory descriptor (Linux). */
final class SecureDirectory implements Directory {
    private final Path location;
    private final SecureDirectoryStream<Path> stream;
    private boolean listed;

    SecureDirectory(Path location, SecureDirectoryStream<Path> stream) {
        this.location = location;
        this.stream = stream;
    }

    @Override
    public Path location() {
        return location;
    }

    @Override
    public List<Path> names() throws IOException {
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

    @Override
    public Kind kind(Path name) throws IOException {
        try {
            return Directory.kindOf(stream.getFileAttributeView(name, BasicFileAttributeView.class, NO_FOLLOW).readAttributes());
        } catch (NoSuchFileException e) {
            return Kind.MISSING;
        }
    }

    @Override
    public Directory open(Path name) throws IOException {
        // NOFOLLOW_LINKS makes openat fail (ELOOP) if a link was swapped in after kind() looked.
        return new SecureDirectory(location.resolve(name), stream.newDirectoryStream(name, NO_FOLLOW));
    }

    @Override
    public void deleteFile(Path name) throws IOException {
        stream.deleteFile(name);
    }

    @Override
    public void deleteDirectory(Path name) throws IOException {
        stream.deleteDirectory(name);
    }

    @Override
    public void moveTo(Path name, Directory target, Path newName) throws IOException {
        if (!(target instanceof SecureDirectory other)) {
            throw new IOException("cannot move between directory kinds");
        }
        stream.move(name, other.stream, newName);
    }

    @Override
    public String owner(Path name) throws IOException {
        return stream.getFileAttributeView(name, FileOwnerAttributeView.class, NO_FOLLOW).getOwner().getName();
    }

    @Override
    public void grantOwnerAccess() throws IOException {
        PosixFileAttributeView view = stream.getFileAttributeView(PosixFileAttributeView.class);
        view.setPermissions(withOwnerAccess(view.readAttributes().permissions()));
    }

    @Override
    public void grantOwnerAccess(Path name) throws IOException {
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
            java.nio.file.Files.setPosixFilePermissions(location.resolve(name), wanted);
        }
    }

    private static Set<PosixFilePermission> withOwnerAccess(Set<PosixFilePermission> current) {
        Set<PosixFilePermission> perms = current.isEmpty() ? EnumSet.noneOf(PosixFilePermission.class) : EnumSet.copyOf(current);
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
