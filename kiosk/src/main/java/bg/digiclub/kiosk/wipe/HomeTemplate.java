package bg.digiclub.kiosk.wipe;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Set;

/**
 * Copies a template directory into a freshly emptied home. Links in the template are copied as
 * links (the template is the administrator's). Permissions are copied, owners are not: the copy
 * belongs to the account running the wipe, the visitor, so the next wipe can remove it.
 */
final class HomeTemplate {
    private HomeTemplate() {
    }

    /**
     * @param home the real path of the (emptied) home
     * @param keep top-level names left as they are in the home and not copied
     */
    static void copy(Path template, Path home, Set<String> keep, Tally tally) throws IOException {
        if (!Files.isDirectory(template)) {
            throw new IOException("template " + template + " is not a directory");
        }
        Files.walkFileTree(template, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path relative = template.relativize(dir);
                if (relative.toString().isEmpty()) {
                    return FileVisitResult.CONTINUE;
                }
                if (keep.contains(relative.getName(0).toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Path target = home.resolve(relative);
                if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectory(target);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    tally.problem(dir, e);
                }
                Path relative = template.relativize(dir);
                if (!relative.toString().isEmpty()) {
                    // after the contents: a read-only template directory must not stop its own copy
                    copyPermissions(dir, home.resolve(relative));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path relative = template.relativize(file);
                if (keep.contains(relative.getName(0).toString())) {
                    return FileVisitResult.CONTINUE;
                }
                Path target = home.resolve(relative);
                // NOFOLLOW: a link is copied as a link; REPLACE only hits what this copy just made.
                Files.copy(file, target, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.REPLACE_EXISTING);
                if (!attrs.isSymbolicLink()) {
                    copyPermissions(file, target);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                tally.problem(file, e);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView source = Files.getFileAttributeView(from, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        PosixFileAttributeView target = Files.getFileAttributeView(to, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (source != null && target != null) {
            target.setPermissions(source.readAttributes().permissions());
        }
    }
}
