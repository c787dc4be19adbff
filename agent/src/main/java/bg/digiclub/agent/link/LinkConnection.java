package bg.digiclub.agent.link;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jdk.net.UnixDomainPrincipal;

/** One admitted connection: reads request lines and writes one answer line for each, in order. */
final class LinkConnection implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(LinkConnection.class);

    private final SocketChannel channel;
    private final UnixDomainPrincipal peer;
    private final RequestDispatcher dispatcher;
    private final int maxRequestBytes;
    private final Clock clock;
    private final Consumer<LinkConnection> onClose;
    private volatile long lastActiveMillis;

    LinkConnection(SocketChannel channel, UnixDomainPrincipal peer, RequestDispatcher dispatcher, int maxRequestBytes,
                   Clock clock, Consumer<LinkConnection> onClose) {
        this.channel = channel;
        this.peer = peer;
        this.dispatcher = dispatcher;
        this.maxRequestBytes = maxRequestBytes;
        this.clock = clock;
        this.onClose = onClose;
        this.lastActiveMillis = clock.millis();
    }

    @Override
    public void run() {
        try (channel) {
            FrameReader reader = new FrameReader(channel, maxRequestBytes);
            FrameReader.Frame frame;
            while ((frame = reader.next()) != null) {
                String answer;
                if (frame.tooLarge()) {
                    LOG.info("link request from {} longer than {} bytes discarded", peerName(), maxRequestBytes);
                    answer = dispatcher.tooLarge(maxRequestBytes);
                } else {
                    answer = dispatcher.handle(frame.bytes());
                    Arrays.fill(frame.bytes(), (byte) 0);
                }
                // activity is stamped before the answer goes out, never after: once the client has
                // its answer, nothing on this connection may look more recent than that
                lastActiveMillis = clock.millis();
                writeLine(channel, answer);
            }
        } catch (ClosedChannelException e) {
            LOG.debug("link connection of {} closed", peerName());
        } catch (IOException e) {
            LOG.debug("link connection of {} failed", peerName(), e);
        } finally {
            onClose.accept(this);
        }
    }

    long lastActiveMillis() {
        return lastActiveMillis;
    }

    String peerName() {
        return peer.user().getName();
    }

    /** Closes the channel; a read blocked on it ends at once. */
    void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("close failed", e);
        }
    }

    /**
     * Writes the refusal and hangs up. What the peer already sent is read and dropped first:
     * closing a Unix socket with unread data makes the peer's next read fail with "connection
     * reset", and it would never see why it was refused.
     */
    static void refuse(SocketChannel channel, String error) throws IOException {
        try (channel) {
            writeLine(channel, error);
            channel.shutdownOutput();
            channel.configureBlocking(false);
            ByteBuffer sink = ByteBuffer.allocate(4096);
            int n;
            do {
                sink.clear();
                n = channel.read(sink);
            } while (n > 0);
        }
    }

    static void writeLine(SocketChannel channel, String line) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
