package bg.digiclub.agent.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Set;

/**
 * {@code digiclub_agent.prom} in node_exporter's textfile directory, replaced whole: written to a
 * temporary file in the same directory, given mode 0644 (node_exporter runs as its own account,
 * and the agent makes every file private otherwise), then renamed over the old one, so
 * node_exporter never reads half a file. The temporary name does not end in {@code .prom}, which
 * node_exporter would read.
 */
public final class AgentTextfile {
    /** The file's name: node_exporter reads every {@code *.prom} in its directory. */
    public static final String FILE_NAME = "digiclub_agent.prom";

    private static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");

    private final Path file;
    private final Path tmp;

    public AgentTextfile(Path directory) {
        Objects.requireNonNull(directory, "directory");
        this.file = directory.resolve(FILE_NAME);
        this.tmp = directory.resolve("." + FILE_NAME + ".tmp");
    }

    public Path file() {
        return file;
    }

    /** Replaces the file with {@code text}. */
    public void write(String text) throws IOException {
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(tmp, READABLE);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
