package bg.digiclub.agent.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code digiclub_agent.prom} in node_exporter's textfile directory, replaced whole: written to a
 * new temporary file in the same directory, then renamed over the old one, so node_exporter never
 * reads half a file. The temporary name does not end in {@code .prom}, which node_exporter would
 * read.
 *
 * <p>Nothing of DigiClub is readable from the visitor's account, and node_exporter runs as an
 * account of its own ({@code prometheus} on Debian): the file is mode 0640 with the group
 * {@code metrics.textfile-group} ({@code digiclub-metrics}, node_exporter's account in it, the
 * visitor's not). The temporary file is made 0600, given the group, then 0640: it is never readable
 * by others, not even for a moment, and the rename replaces the inode of an older agent's 0644 file.
 * Without that group on the PC the file keeps the agent's own group, readable by no other account.
 */
public final class AgentTextfile {
    /** The file's name: node_exporter reads every {@code *.prom} in its directory. */
    public static final String FILE_NAME = "digiclub_agent.prom";

    private static final Logger LOG = LoggerFactory.getLogger(AgentTextfile.class);
    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> GROUP_READABLE = PosixFilePermissions.fromString("rw-r-----");

    private final Path file;
    private final Path tmp;
    private final String group;
    private boolean groupMissingSaid;

    /**
     * @param directory node_exporter's textfile directory
     * @param group     the group that may read the file (node_exporter's account is in it)
     */
    public AgentTextfile(Path directory, String group) {
        Objects.requireNonNull(directory, "directory");
        this.group = Objects.requireNonNull(group, "group");
        if (group.isBlank()) {
            throw new IllegalArgumentException("group must name a group");
        }
        this.file = directory.resolve(FILE_NAME);
        this.tmp = directory.resolve("." + FILE_NAME + ".tmp");
    }

    public Path file() {
        return file;
    }

    /** Replaces the file with {@code text}. */
    public void write(String text) throws IOException {
        // a temporary a crash (or an older agent, 0644) left is never written into: a new one is made
        Files.deleteIfExists(tmp);
        if (!tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.writeString(tmp, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } else {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PRIVATE));
            Files.writeString(tmp, text, StandardCharsets.UTF_8, StandardOpenOption.WRITE);
            PosixFileAttributeView view =
                    Files.getFileAttributeView(tmp, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
            Optional<GroupPrincipal> readers = readers();
            if (readers.isPresent()) {
                view.setGroup(readers.get());
            }
            // the group first, then its read bit: never readable by a group not meant to read it
            view.setPermissions(GROUP_READABLE);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The readers' group; empty (said once, until it is there) when this PC has no such group. */
    private Optional<GroupPrincipal> readers() throws IOException {
        try {
            GroupPrincipal principal =
                    file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName(group);
            groupMissingSaid = false;
            return Optional.of(principal);
        } catch (UserPrincipalNotFoundException e) {
            if (!groupMissingSaid) {
                LOG.warn(
                        "group {} (metrics.textfile-group) does not exist on this PC: {} keeps the agent's group,"
                                + " so node_exporter cannot read it (docs/operations.md)",
                        group,
                        file);
                groupMissingSaid = true;
            }
            return Optional.empty();
        }
    }
}
