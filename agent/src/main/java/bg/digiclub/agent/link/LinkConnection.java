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

/**
 * One admitted connection: reads request lines and writes one answer line for each, in order.
 * Every line takes a token from its account's bucket first; without one it is answered
 * {@code busy} without being parsed or handled, which costs the agent next to nothing — or,
 * for the kiosk's account, handled after a pause, so the kiosk is slowed but never refused.
 */
final class LinkConnection implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(LinkConnection.class);
    /**
     * After a busy answer this connection reads nothing for a moment (real time, whatever the
     * clock): a peer pipelining requests past its rate then meets back-pressure from its own
     * socket, instead of getting a core's worth of busy answers out of the agent.
     */
    static final long BUSY_PAUSE_MILLIS = 10;
    /** What a refused peer already sent is drained up to this much, then it is hung up on regardless. */
    static final int REFUSED_DRAIN_BYTES = 64 * 1024;

    private final SocketChannel channel;
    private final PeerAccount account;
    private final RequestDispatcher dispatcher;
    private final int maxRequestBytes;
    private final Clock clock;
    private final Consumer<LinkConnection> onClose;
    private volatile long lastActiveMillis;

    LinkConnection(
            SocketChannel channel,
            PeerAccount account,
            RequestDispatcher dispatcher,
            int maxRequestBytes,
            Clock clock,
            Consumer<LinkConnection> onClose) {
        this.channel = channel;
        this.account = account;
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
                boolean busy = false;
                try {
                    boolean allowed = account.requests().tryTake();
                    if (!allowed && account.isKiosk()) {
                        slowDownKiosk();
                        allowed = true;
                    }
                    if (!allowed) {
                        busy = true;
                        answer = rateLimited();
                    } else if (frame.tooLarge()) {
                        long left = account.notice(PeerAccount.Notice.TOO_LARGE);
                        if (left >= 0) {
                            LOG.info(
                                    "link request from {} longer than {} bytes discarded{}",
                                    peerName(),
                                    maxRequestBytes,
                                    LogPace.leftOut(left));
                        }
                        answer = dispatcher.tooLarge(maxRequestBytes);
                    } else {
                        answer = dispatcher.handle(frame.bytes());
                    }
                } finally {
                    if (!frame.tooLarge()) {
                        // the request may hold a PIN, handled or not
                        Arrays.fill(frame.bytes(), (byte) 0);
                    }
                }
                // activity is stamped before the answer goes out, never after: once the client has
                // its answer, nothing on this connection may look more recent than that
                lastActiveMillis = clock.millis();
                writeLine(channel, answer);
                if (busy) {
                    Thread.sleep(BUSY_PAUSE_MILLIS);
                }
            }
        } catch (ClosedChannelException e) {
            LOG.debug("link connection of {} closed", peerName());
        } catch (IOException e) {
            LOG.debug("link connection of {} failed", peerName(), e);
        } catch (InterruptedException e) {
            // the server is closing
            Thread.currentThread().interrupt();
        } finally {
            onClose.accept(this);
        }
    }

    /**
     * The kiosk over its rate is slowed to it, never refused: a refusal is final to the kiosk,
     * which would drop a spooled session event answered that way. Real time, one request's share
     * of a second: a kiosk gone wrong gets no further than its rate on each connection.
     */
    private void slowDownKiosk() throws InterruptedException {
        PeerLimits.RequestRate rate = account.requests().rate();
        long left = account.notice(PeerAccount.Notice.RATE_LIMITED);
        if (left >= 0) {
            LOG.warn(
                    "link requests from the kiosk's account {} over {} a second: slowed to that pace{}",
                    peerName(),
                    rate.perSecond(),
                    LogPace.leftOut(left));
        }
        Thread.sleep(Math.max(1, 1000 / rate.perSecond()));
    }

    private String rateLimited() {
        PeerLimits.RequestRate rate = account.requests().rate();
        long left = account.notice(PeerAccount.Notice.RATE_LIMITED);
        if (left >= 0) {
            LOG.warn(
                    "link requests from {} over {} a second: answered busy{}",
                    peerName(),
                    rate.perSecond(),
                    LogPace.leftOut(left));
        }
        return dispatcher.busy("too many requests from this account (at most " + rate.perSecond() + " a second, "
                + rate.burst() + " at once); this request was not handled, send it again shortly");
    }

    long lastActiveMillis() {
        return lastActiveMillis;
    }

    PeerAccount account() {
        return account;
    }

    String peerName() {
        return account.name();
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
     * reset", and it would never see why it was refused. The drain is bounded, since this runs
     * on the accept thread.
     */
    static void refuse(SocketChannel channel, String error) throws IOException {
        try (channel) {
            writeLine(channel, error);
            channel.shutdownOutput();
            channel.configureBlocking(false);
            ByteBuffer sink = ByteBuffer.allocate(4096);
            int drained = 0;
            int n;
            do {
                sink.clear();
                n = channel.read(sink);
                drained += Math.max(n, 0);
                // bounded: a peer that keeps writing must not hold the accept thread
            } while (n > 0 && drained < REFUSED_DRAIN_BYTES);
        }
    }

    static void writeLine(SocketChannel channel, String line) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
