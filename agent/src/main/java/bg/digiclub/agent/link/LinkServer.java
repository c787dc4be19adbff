package bg.digiclub.agent.link;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's Unix-domain socket for the kiosk and staff tools.
 *
 * <p>One accept thread checks each peer's credentials ({@link PeerPolicy}) and gives admitted
 * connections a slot ({@link ConnectionSlots}) and a thread of their own (Java 17: platform
 * threads, so the pools are small and bounded). The kiosk's account has its own slots and its
 * own threads, which no other account can take: another account churning connections closes
 * only its own. Requests are limited per account ({@link PeerLimits}), and a reaper closes
 * connections idle longer than the idle timeout.
 */
public final class LinkServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LinkServer.class);
    /**
     * Connections the kernel holds for the accept thread. Plenty: a peer connecting in a tight
     * loop must not fill the queue, or the kiosk's (non-blocking) connect fails outright.
     */
    static final int ACCEPT_BACKLOG = 256;

    private final LinkServerConfig config;
    private final PeerPolicy peers;
    private final RequestDispatcher dispatcher;
    private final Clock clock;
    private final ServerSocketChannel server;
    private final ThreadPoolExecutor kioskThreads;
    private final ThreadPoolExecutor otherThreads;
    private final ScheduledExecutorService reaper;
    private final ConnectionSlots slots;
    /** Every account seen lately, admitted or not; guarded by itself. */
    private final Map<UserPrincipal, PeerAccount> accounts = new HashMap<>();

    private final Thread acceptor;
    /** Used by the accept thread only. */
    private final LogPace acceptFailures = new LogPace();

    private final LogPace dropped = new LogPace();
    /** Told whenever a connection of the kiosk's account ends (the kiosk may have died with it). */
    private final Runnable kioskHungUp;

    private volatile boolean closing;

    private LinkServer(
            LinkServerConfig config,
            PeerPolicy peers,
            RequestDispatcher dispatcher,
            Clock clock,
            ServerSocketChannel server,
            Runnable kioskHungUp) {
        this.config = config;
        this.kioskHungUp = kioskHungUp;
        this.peers = peers;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.server = server;
        this.slots = new ConnectionSlots(config.limits());
        this.kioskThreads = threads(config.limits().kioskConnections(), "digiclub-link-kiosk-");
        this.otherThreads = threads(config.limits().otherConnections(), "digiclub-link-");
        this.reaper = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "digiclub-link-reaper"));
        this.acceptor = daemon(this::acceptLoop, "digiclub-link-accept");
    }

    /**
     * One thread per connection. The queue holds a connection only for the moment the one it
     * replaced (of the same account) takes to end; never for long, never for another account.
     */
    private static ThreadPoolExecutor threads(int size, String prefix) {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(
                size,
                size,
                0,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(size),
                r -> daemon(r, prefix + n.incrementAndGet()));
    }

    /**
     * Prepares the socket directory, binds, secures the socket and starts accepting.
     *
     * @throws IOException naming the path or setting that is wrong (directory owned by someone
     *                     else, another agent listening, an allowed account that does not exist)
     */
    public static LinkServer start(LinkServerConfig config, RequestDispatcher dispatcher, Clock clock)
            throws IOException {
        return start(config, dispatcher, clock, () -> {});
    }

    /**
     * {@link #start(LinkServerConfig, RequestDispatcher, Clock)}, telling {@code kioskHungUp} (on the
     * connection's thread; it must not block) whenever a connection of the kiosk's account ends.
     */
    public static LinkServer start(
            LinkServerConfig config, RequestDispatcher dispatcher, Clock clock, Runnable kioskHungUp)
            throws IOException {
        Objects.requireNonNull(dispatcher, "dispatcher");
        Objects.requireNonNull(kioskHungUp, "kioskHungUp");
        Objects.requireNonNull(clock, "clock");
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            if (!probe.supportedOptions().contains(ExtendedSocketOptions.SO_PEERCRED)) {
                throw new IOException("this platform cannot tell who connects to a Unix socket (no SO_PEERCRED); "
                        + "the link runs on Linux only for now");
            }
        }
        PeerPolicy peers = PeerPolicy.resolve(config.kioskUser(), config.allowedUsers(), config.allowedGroups());
        Path socket = config.socketPath().toAbsolutePath();
        SocketFiles.prepare(socket, config.socketGroup());
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(socket), ACCEPT_BACKLOG);
            SocketFiles.secure(socket, config.socketGroup());
        } catch (IOException | RuntimeException e) {
            server.close();
            Files.deleteIfExists(socket);
            throw new IOException("cannot listen on link socket " + socket + ": " + e.getMessage(), e);
        }
        LinkServer link = new LinkServer(config, peers, dispatcher, clock, server, kioskHungUp);
        long period = Math.max(1, config.idleTimeout().toSeconds() / 4);
        link.reaper.scheduleAtFixedRate(link::closeIdle, period, period, TimeUnit.SECONDS);
        link.acceptor.start();
        LOG.info("link listening on {} for {}", socket, peers);
        return link;
    }

    public Path socketPath() {
        return config.socketPath().toAbsolutePath();
    }

    /** Connections being served now. */
    public int connectionCount() {
        return slots.size();
    }

    private void acceptLoop() {
        while (!closing) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                long left = acceptFailures.due(clock.millis());
                if (left >= 0) {
                    LOG.warn("link accept failed{}", LogPace.leftOut(left), e);
                }
                continue;
            }
            try {
                admit(channel);
            } catch (IOException | RuntimeException e) {
                // usually a peer that hung up at once; one that does so in a loop must not fill the log
                long left = dropped.due(clock.millis());
                if (left >= 0) {
                    LOG.warn("link connection dropped before it was served: {}{}", e.toString(), LogPace.leftOut(left));
                }
                LOG.debug("link connection dropped before it was served", e);
                closeQuietly(channel);
            }
        }
    }

    private void admit(SocketChannel channel) throws IOException {
        UnixDomainPrincipal peer = channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
        boolean admitted = peers.admits(peer);
        PeerAccount account;
        LinkConnection connection = null;
        ConnectionSlots.Admission admission = null;
        synchronized (accounts) {
            // with the reaper's clean-up: an account is never forgotten between being found and taking its slot
            account = accounts.computeIfAbsent(
                    peer.user(),
                    user -> new PeerAccount(
                            user,
                            peers.isKiosk(peer),
                            peers.isKiosk(peer)
                                    ? config.limits().kioskRequests()
                                    : config.limits().peerRequests(),
                            clock));
            if (admitted) {
                connection = new LinkConnection(
                        channel,
                        account,
                        dispatcher,
                        config.maxRequestBytes(),
                        clock,
                        account.isKiosk() ? this::kioskConnectionEnded : slots::release);
                admission = slots.admit(connection);
            }
        }
        if (!admitted) {
            long left = account.notice(PeerAccount.Notice.REFUSED);
            if (left >= 0) {
                LOG.warn(
                        "link refused a connection from user {} group {}{}",
                        peer.user().getName(),
                        peer.group().getName(),
                        LogPace.leftOut(left));
            }
            LinkConnection.refuse(
                    channel,
                    dispatcher.forbidden("user " + peer.user().getName() + " (group "
                            + peer.group().getName() + ") may not use the DigiClub agent"));
            return;
        }
        if (!admission.admitted()) {
            long left = account.notice(PeerAccount.Notice.BUSY);
            if (left >= 0) {
                LOG.info(
                        "link turned away a connection of {}: {}{}",
                        account.name(),
                        admission.refusal(),
                        LogPace.leftOut(left));
            }
            LinkConnection.refuse(channel, dispatcher.busy(admission.refusal()));
            return;
        }
        if (admission.evicted() != null) {
            LOG.debug("link: {} opened more connections than its quota; closing its own idlest", account.name());
            admission.evicted().close();
        }
        try {
            (account.isKiosk() ? kioskThreads : otherThreads).execute(connection);
        } catch (RejectedExecutionException e) {
            // only when closing, or when one account reconnects faster than its replaced connections end
            slots.release(connection);
            connection.close();
            LOG.debug("link: a connection of {} was turned away, its replaced ones have not ended yet", account.name());
        }
    }

    private void kioskConnectionEnded(LinkConnection connection) {
        slots.release(connection);
        if (!closing) {
            kioskHungUp.run();
        }
    }

    /**
     * Closes connections idle longer than the timeout, and forgets accounts that hold none and
     * whose record is as good as new; run every quarter of the timeout.
     */
    void closeIdle() {
        long now = clock.millis();
        for (LinkConnection c : slots.all()) {
            if (now - c.lastActiveMillis() > config.idleTimeout().toMillis()) {
                LOG.debug("closing idle link connection of {}", c.peerName());
                c.close();
            }
        }
        synchronized (accounts) {
            accounts.values().removeIf(a -> slots.heldBy(a.user()) == 0 && a.isForgettable());
        }
    }

    /** Stops accepting, closes every connection and removes the socket file. */
    @Override
    public void close() {
        closing = true;
        closeQuietly(server);
        reaper.shutdownNow();
        slots.all().forEach(LinkConnection::close);
        kioskThreads.shutdownNow();
        otherThreads.shutdownNow();
        try {
            acceptor.join(5_000);
            if (!kioskThreads.awaitTermination(5, TimeUnit.SECONDS)
                    || !otherThreads.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("link connections did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(socketPath());
        } catch (IOException e) {
            LOG.warn("could not remove link socket {}", socketPath(), e);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            LOG.debug("close failed", e);
        }
    }
}
