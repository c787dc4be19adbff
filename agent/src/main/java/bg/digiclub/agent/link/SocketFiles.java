package bg.digiclub.agent.link;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file-system side of the socket: a private directory and the socket's permissions.
 *
 * <p>The directory is what keeps others out: it is created 0750 (owner the agent, group the
 * kiosk's) before the socket exists, so there is never a moment where the socket is reachable
 * with looser permissions than intended ("no bind/chmod race"). The socket gets 0660 after
 * bind; connecting needs write permission on it, hence the group on the socket too.
 */
final class SocketFiles {
    private static final Logger LOG = LoggerFactory.getLogger(SocketFiles.class);
    static final Set<PosixFilePermission> DIRECTORY_MODE = PosixFilePermissions.fromString("rwxr-x---");
    static final Set<PosixFilePermission> SOCKET_MODE = PosixFilePermissions.fromString("rw-rw----");

    private SocketFiles() {}

    /**
     * Creates or tightens the socket's directory and removes a stale socket file.
     *
     * @throws IOException if the directory is a symbolic link or not the agent's, or another
     *                     agent is listening on the socket
     */
    static void prepare(Path socket, String group) throws IOException {
        Path dir = socket.toAbsolutePath().getParent();
        if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            // Windows would need an ACL on the directory instead; not built yet
            throw new IOException(
                    "the link needs POSIX file permissions to protect " + socket + "; this platform has none");
        }
        if (Files.isSymbolicLink(dir)) {
            throw new IOException("link socket directory " + dir + " is a symbolic link; refusing to use it");
        }
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(dir.getParent());
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY_MODE));
        } else if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("link socket directory " + dir + " exists and is not a directory");
        }
        PosixFileAttributeView view =
                Files.getFileAttributeView(dir, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        UserPrincipal me = FileSystems.getDefault()
                .getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name"));
        if (!view.getOwner().equals(me)) {
            // someone else's directory could be swapped under us; never put the socket there
            throw new IOException("link socket directory " + dir + " is owned by "
                    + view.getOwner().getName() + ", not by the agent's account " + me.getName());
        }
        // umask may have cleared bits and an existing directory may be looser: set exactly
        view.setPermissions(DIRECTORY_MODE);
        applyGroup(view, dir, group);
        removeStale(socket);
    }

    /** Sets the socket's mode and group once it is bound. */
    static void secure(Path socket, String group) throws IOException {
        // by path: the JDK's no-follow variant opens the file first, which a socket refuses (ENXIO);
        // the socket was just made by bind() in the agent's own directory, so it is no link
        PosixFileAttributeView view = Files.getFileAttributeView(socket, PosixFileAttributeView.class);
        view.setPermissions(SOCKET_MODE);
        applyGroup(view, socket, group);
    }

    private static void applyGroup(PosixFileAttributeView view, Path path, String group) throws IOException {
        if (group == null || group.isBlank()) {
            return;
        }
        GroupPrincipal principal;
        try {
            principal = FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByGroupName(group);
        } catch (UserPrincipalNotFoundException e) {
            LOG.warn(
                    "group {} does not exist on this PC; {} keeps the agent's group, so only the agent's account can use the link",
                    group,
                    path);
            return;
        }
        view.setGroup(principal);
    }

    private static void removeStale(Path socket) throws IOException {
        if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(socket, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("link socket path " + socket + " is a directory");
        }
        if (someoneListens(socket)) {
            throw new IOException("another agent is already listening on " + socket);
        }
        LOG.info("removing stale link socket {}", socket);
        Files.delete(socket);
    }

    private static boolean someoneListens(Path socket) {
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(socket));
            return true;
        } catch (IOException e) {
            // refused: a socket file left by an agent that died
            return false;
        }
    }
}
