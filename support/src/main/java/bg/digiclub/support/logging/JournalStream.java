package bg.digiclub.support.logging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether this process writes to systemd's journal: systemd sets {@code JOURNAL_STREAM} to the
 * {@code device:inode} of the stream it connects a service's standard output and error to. The
 * variable alone is not enough, as children inherit it (a test run from a service, a command
 * whose output a script captures): the stream counts only when standard output or error is that
 * very stream, as systemd's documentation asks programs to check. Then the console is the log, and
 * a program writes nothing else (a log file beside it would keep every line twice).
 */
public final class JournalStream {
    /** The variable systemd sets. */
    public static final String VARIABLE = "JOURNAL_STREAM";

    private JournalStream() {}

    /** True if this process's standard output or error is the journal's stream. */
    public static boolean connected() {
        return connected(System.getenv(VARIABLE), List.of(streamOf(1), streamOf(2)));
    }

    /**
     * @param variable the value of {@code JOURNAL_STREAM}, null when unset
     * @param streams  {@code device:inode} of standard output and error, empty where unknown
     */
    public static boolean connected(String variable, List<Optional<String>> streams) {
        Objects.requireNonNull(streams, "streams");
        if (variable == null || variable.isBlank()) {
            return false;
        }
        String expected = variable.strip();
        return streams.stream().anyMatch(s -> s.filter(expected::equals).isPresent());
    }

    /** {@code device:inode} of the file descriptor, as systemd writes it; empty off Linux or when unreadable. */
    static Optional<String> streamOf(int fd) {
        try {
            Map<String, Object> stat = Files.readAttributes(Path.of("/proc/self/fd/" + fd), "unix:dev,ino");
            return Optional.of(stat.get("dev") + ":" + stat.get("ino"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
