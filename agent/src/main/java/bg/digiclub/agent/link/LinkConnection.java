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
                lastActiveMillis = clock.millis();
                String answer;
                if (frame.tooLarge()) {
                    LOG.info("link request from {} longer than {} bytes discarded", peerName(), maxRequestBytes);
                    answer = dispatcher.tooLarge(maxRequestBytes);
                } else {
                    answer = dispatcher.handle(frame.bytes());
                    Arrays.fill(frame.bytes(), (byte) 0);
                }
                writeLine(channel, answer);
                lastActiveMillis = clock.millis();
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

    static void writeLine(SocketChannel channel, String line) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
