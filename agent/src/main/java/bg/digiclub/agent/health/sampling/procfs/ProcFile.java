package bg.digiclub.agent.health.sampling.procfs;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * One of Linux's {@code /proc} text files ({@code /proc/stat}, {@code /proc/meminfo}, ...), kept
 * open and read again from the start every sample: the kernel writes the file's text anew on each
 * read from offset 0, as {@code top} relies on. Opening it afresh through {@code Files.readString}
 * runs a good deal of NIO's Java every time, and on the agent's once-a-sample path that Java stays
 * interpreted for a long while. The text is ASCII; it is decoded as ISO-8859-1, byte for char.
 *
 * <p>A read that fails closes the file; the next read opens it again. Otherwise it stays open for
 * the sampler's life. Not thread-safe: one sampler reads it.
 */
final class ProcFile {
    private final Path path;
    private RandomAccessFile file;
    private byte[] buffer = new byte[4096];

    ProcFile(Path path) {
        this.path = Objects.requireNonNull(path, "path");
    }

    /**
     * The file's whole text now.
     *
     * @throws UncheckedIOException "cannot read PATH" if it cannot be opened or read
     */
    String read() {
        try {
            if (file == null) {
                file = new RandomAccessFile(path.toFile(), "r");
            } else {
                file.seek(0);
            }
            int length = 0;
            while (true) {
                if (length == buffer.length) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                }
                int n = file.read(buffer, length, buffer.length - length);
                if (n < 0) {
                    break;
                }
                length += n;
            }
            return new String(buffer, 0, length, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** Closes the file if open; a later {@link #read()} opens it again. */
    void close() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                // nothing was written; nothing to lose
            }
            file = null;
        }
    }
}
