package bg.digiclub.agent.link;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.Arrays;

/**
 * Splits a byte stream into lines of at most {@code maxBytes}, without ever holding more.
 *
 * <p>A line that grows past the limit is reported as {@link Frame#TOO_LARGE} at once (so the
 * client is told without having to finish sending), and the rest of it is skipped up to its
 * newline; the line after it is read normally. Empty lines are skipped; a trailing {@code \r}
 * is dropped. Not thread-safe: one reader per connection.
 */
final class FrameReader {
    private final ReadableByteChannel channel;
    private final int maxBytes;
    private final ByteBuffer chunk = ByteBuffer.allocate(8192).flip();
    private byte[] line = new byte[1024];
    private int length;
    private boolean skipping;

    FrameReader(ReadableByteChannel channel, int maxBytes) {
        this.channel = channel;
        this.maxBytes = maxBytes;
    }

    /** The next frame; null at end of stream (an unfinished last line is dropped). */
    Frame next() throws IOException {
        while (true) {
            while (chunk.hasRemaining()) {
                byte b = chunk.get();
                if (b == '\n') {
                    if (skipping) {
                        skipping = false;
                        continue;
                    }
                    int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
                    byte[] bytes = Arrays.copyOf(line, end);
                    clear();
                    if (bytes.length > 0) {
                        return new Frame(bytes);
                    }
                    continue;
                }
                if (skipping) {
                    continue;
                }
                if (length == maxBytes) {
                    clear();
                    skipping = true;
                    return Frame.TOO_LARGE;
                }
                if (length == line.length) {
                    line = Arrays.copyOf(line, Math.min(maxBytes, line.length * 2));
                }
                line[length++] = b;
            }
            chunk.clear();
            int n = channel.read(chunk);
            chunk.flip();
            if (n < 0) {
                clear();
                return null;
            }
        }
    }

    /** Requests may hold a PIN: leave none of it in the buffer. */
    private void clear() {
        Arrays.fill(line, 0, length, (byte) 0);
        length = 0;
    }

    /** One line's bytes, or the marker of a line that was too long. */
    record Frame(byte[] bytes) {
        static final Frame TOO_LARGE = new Frame(null);

        boolean tooLarge() {
            return bytes == null;
        }
    }
}
