package bg.digiclub.kiosk.agentlink;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.common.link.wire.LinkRequest;

/**
 * One kept connection to the agent: a request line out, its answer line back, one at a time.
 * Connects on first use and again after any failure. Each exchange has a deadline; a late
 * answer would be taken for the next request's, so a connection that missed one is dropped.
 * A kept connection whose agent has since restarted fails at the first write (the old agent's
 * end is gone, so nothing was delivered): that request is sent once more on a new connection.
 */
final class LinkChannel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LinkChannel.class);
    /** Answers are small; anything longer is not the agent. */
    private static final int MAX_ANSWER_BYTES = 1 << 20;
    /**
     * A kept connection unused this long is replaced before the next request: the agent closes
     * connections idle for its idle timeout (at least 35 s), and a request sent into a
     * connection the agent is just closing would fail for nothing.
     */
    private static final long MAX_IDLE_NANOS = Duration.ofSeconds(30).toNanos();

    private final Path socket;
    private final long timeoutNanos;
    private final ObjectMapper json;
    private SocketChannel channel;
    private Selector selector;
    private final ByteBuffer in = ByteBuffer.allocate(8192).flip();
    private long nextId;
    private long lastUsedNanos;

    LinkChannel(Path socket, Duration timeout, ObjectMapper json) {
        this.socket = socket;
        this.timeoutNanos = timeout.toNanos();
        this.json = json;
    }

    /**
     * Sends a request and returns the whole answer envelope.
     *
     * @throws IOException if the agent cannot be reached or does not answer in time
     */
    synchronized JsonNode exchange(String type, Object body) throws IOException {
        return exchange(type, body, Duration.ofNanos(timeoutNanos));
    }

    /** {@link #exchange(String, Object)} with its own deadline (ending a session waits for the reset). */
    synchronized JsonNode exchange(String type, Object body, Duration timeout) throws IOException {
        String id = Long.toString(++nextId);
        byte[] line = json.writeValueAsBytes(new LinkRequest<>(id, type, body));
        try {
            long now = System.nanoTime();
            if (channel != null && now - lastUsedNanos > MAX_IDLE_NANOS) {
                disconnect();
            }
            long deadline = now + timeout.toNanos();
            boolean kept = channel != null && channel.isOpen();
            connect(deadline);
            try {
                write(line, deadline);
            } catch (IOException stale) {
                if (!kept) {
                    throw stale;
                }
                LOG.debug("the kept connection to the agent is gone ({}); reconnecting", stale.getMessage());
                disconnect();
                connect(deadline);
                write(line, deadline);
            }
            JsonNode answer = json.readTree(readLine(deadline));
            lastUsedNanos = System.nanoTime();
            if (!id.equals(answer.path("id").asText(null)) && answer.path("ok").asBoolean(true)) {
                throw new IOException("the agent answered another request (id "
                        + answer.path("id").asText() + ", expected " + id + ")");
            }
            return answer;
        } catch (IOException | RuntimeException e) {
            disconnect();
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        } finally {
            // the request may hold a PIN
            Arrays.fill(line, (byte) 0);
        }
    }

    private void connect(long deadline) throws IOException {
        if (channel != null && channel.isOpen()) {
            return;
        }
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        Selector sel = Selector.open();
        try {
            ch.configureBlocking(false);
            if (!ch.connect(UnixDomainSocketAddress.of(socket))) {
                ch.register(sel, SelectionKey.OP_CONNECT);
                while (!ch.finishConnect()) {
                    await(sel, deadline, "connect");
                }
            }
            ch.register(sel, SelectionKey.OP_READ);
        } catch (IOException e) {
            sel.close();
            ch.close();
            throw e;
        }
        channel = ch;
        selector = sel;
        in.clear().flip();
        LOG.debug("connected to the agent at {}", socket);
    }

    private void write(byte[] line, long deadline) throws IOException {
        ByteBuffer out =
                ByteBuffer.allocate(line.length + 1).put(line).put((byte) '\n').flip();
        try {
            while (out.hasRemaining()) {
                if (channel.write(out) == 0) {
                    selector.keys().iterator().next().interestOps(SelectionKey.OP_WRITE);
                    await(selector, deadline, "send");
                    selector.keys().iterator().next().interestOps(SelectionKey.OP_READ);
                }
            }
        } finally {
            Arrays.fill(out.array(), (byte) 0);
        }
    }

    private byte[] readLine(long deadline) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            while (in.hasRemaining()) {
                byte b = in.get();
                if (b == '\n') {
                    return line.toByteArray();
                }
                if (line.size() >= MAX_ANSWER_BYTES) {
                    throw new IOException("the agent's answer is longer than " + MAX_ANSWER_BYTES + " bytes");
                }
                line.write(b);
            }
            in.clear();
            int n = channel.read(in);
            in.flip();
            if (n < 0) {
                // a refused peer gets its reason in the one line the agent writes before hanging up
                if (line.size() > 0) {
                    return line.toByteArray();
                }
                throw new IOException("the agent closed the connection");
            }
            if (n == 0) {
                await(selector, deadline, "answer");
            }
        }
    }

    private static void await(Selector sel, long deadline, String what) throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0 || sel.select(Math.max(1, left / 1_000_000)) == 0 && System.nanoTime() >= deadline) {
            throw new IOException("no " + what + " from the agent in time");
        }
        sel.selectedKeys().clear();
    }

    synchronized void disconnect() {
        try {
            if (selector != null) {
                selector.close();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            LOG.debug("closing the link failed", e);
        }
        channel = null;
        selector = null;
    }

    @Override
    public void close() {
        disconnect();
    }
}
