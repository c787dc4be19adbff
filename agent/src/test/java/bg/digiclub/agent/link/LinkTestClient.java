package bg.digiclub.agent.link;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A bare client for tests: raw lines over a real socket, as a visitor with a script could send them. */
final class LinkTestClient implements AutoCloseable {
    private static final long HANG_GUARD_MILLIS = 60_000;
    private final SocketChannel channel;
    private final ObjectMapper json = LinkJson.mapper();
    private final ByteBuffer in = ByteBuffer.allocate(1 << 16).flip();
    private final Selector selector;
    private int nextId;

    LinkTestClient(Path socket) throws IOException {
        channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        channel.configureBlocking(false);
        selector = Selector.open();
        channel.register(selector, SelectionKey.OP_READ);
    }

    /** Sends {@code type} with {@code body} and returns the answer. */
    JsonNode call(String type, Object body) throws IOException {
        String id = "r" + (++nextId);
        String line = json.writeValueAsString(
                body == null ? Map.of("id", id, "type", type) : Map.of("id", id, "type", type, "body", body));
        JsonNode answer = json.readTree(exchange(line));
        if (!answer.path("id").asText().equals(id)) {
            throw new AssertionError("answer for another request: " + answer);
        }
        return answer;
    }

    /** The body of a successful answer; fails the test with the error otherwise. */
    JsonNode ok(String type, Object body) throws IOException {
        JsonNode answer = call(type, body);
        if (!answer.path("ok").asBoolean()) {
            throw new AssertionError(type + " refused: " + answer);
        }
        return answer.path("body");
    }

    /** Sends one raw line and reads one answer line. */
    String exchange(String line) throws IOException {
        send(line + "\n");
        String answer = readLine();
        if (answer == null) {
            throw new IOException("connection closed without an answer");
        }
        return answer;
    }

    void send(String raw) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(raw.getBytes(StandardCharsets.UTF_8));
        while (out.hasRemaining()) {
            if (channel.write(out) == 0) {
                Thread.onSpinWait();
            }
        }
    }

    /** The next line, or null at end of stream. */
    String readLine() throws IOException {
        StringBuilder bytes = new StringBuilder();
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        while (true) {
            while (in.hasRemaining()) {
                byte b = in.get();
                if (b == '\n') {
                    return line.toString(StandardCharsets.UTF_8);
                }
                line.write(b);
            }
            in.clear();
            // a guard against hanging the build if the agent never answers, not a time limit
            if (selector.select(HANG_GUARD_MILLIS) == 0) {
                throw new IOException("no answer from the agent at all after " + HANG_GUARD_MILLIS + " ms");
            }
            selector.selectedKeys().clear();
            int n = channel.read(in);
            in.flip();
            if (n < 0) {
                return line.size() == 0
                        ? null
                        : bytes.append(line.toString(StandardCharsets.UTF_8)).toString();
            }
        }
    }

    @Override
    public void close() throws IOException {
        selector.close();
        channel.close();
    }
}
