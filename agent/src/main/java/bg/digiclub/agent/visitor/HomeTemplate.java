package bg.digiclub.agent.visitor;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;

/**
 * Copies a template directory into a new, empty home and hands every copy to the visitor.
 * Links in the template are copied as links (the template is the administrator's, checked at
 * start-up by {@link VisitorAccounts}). Permissions are copied (set-uid and set-gid bits are
 * not: Java's permission set has none), owners are the visitor's.
 */
final class HomeTemplate {
    private HomeTemplate() {}

    /**
     * @param home an empty directory nobody but the agent can reach yet (or, when resetting in
     *             place, the home after every process of the visitor has ended)
     * @return how many entries were copied
     */
    static int copy(Path template, Path home, PosixAccount owner, Tally tally) throws IOException {
        if (!Files.isDirectory(template)) {
            throw new IOException("template " + template + " is not a directory");
        }
        int[] copied = {0};
        Files.walkFileTree(template, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path relative = template.relativize(dir);
                if (relative.toString().isEmpty()) {
                    return FileVisitResult.CONTINUE;
                }
                Path target = home.resolve(relative);
                Files.createDirectory(target);
                giveTo(target, owner);
                copied[0]++;
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
                Path target = home.resolve(template.relativize(file));
                // NOFOLLOW: a link is copied as a link; the target does not exist yet
                Files.copy(file, target, LinkOption.NOFOLLOW_LINKS);
                giveTo(target, owner);
                if (!attrs.isSymbolicLink()) {
                    copyPermissions(file, target);
                }
                copied[0]++;
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                tally.problem(file, e);
                return FileVisitResult.CONTINUE;
            }
        });
        return copied[0];
    }

    /** lchown: a link itself, never what it points to. */
    static void giveTo(Path entry, PosixAccount owner) throws IOException {
        Files.setAttribute(entry, "unix:uid", owner.uid(), LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(entry, "unix:gid", owner.gid(), LinkOption.NOFOLLOW_LINKS);
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView source =
                Files.getFileAttributeView(from, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        PosixFileAttributeView target =
                Files.getFileAttributeView(to, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        target.setPermissions(source.readAttributes().permissions());
    }
}
