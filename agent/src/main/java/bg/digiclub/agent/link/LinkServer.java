package bg.digiclub.agent.link;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * The agent's Unix-domain socket for the kiosk and staff tools.
 *
 * <p>One accept thread checks each peer's credentials ({@link PeerPolicy}) and hands admitted
 * connections to a fixed pool of {@code maxConnections} threads, one per connection (Java 17:
 * platform threads, so the pool is small and bounded). When all are busy the connection idle
 * the longest is closed to make room, and a reaper closes connections idle longer than the
 * idle timeout: a visitor who opens connections and sits on them cannot lock the kiosk out.
 */
public final class LinkServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LinkServer.class);

    private final LinkServerConfig config;
    private final PeerPolicy peers;
    private final RequestDispatcher dispatcher;
    private final Clock clock;
    private final ServerSocketChannel server;
    private final ThreadPoolExecutor pool;
    private final ScheduledExecutorService reaper;
    private final Set<LinkConnection> connections = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closing;

    private LinkServer(LinkServerConfig config, PeerPolicy peers, RequestDispatcher dispatcher, Clock clock,
                       ServerSocketChannel server) {
        this.config = config;
        this.peers = peers;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.server = server;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(config.maxConnections(), config.maxConnections(), 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(config.maxConnections()), r -> daemon(r, "digiclub-link-" + n.incrementAndGet()));
        this.reaper = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "digiclub-link-reaper"));
        this.acceptor = daemon(this::acceptLoop, "digiclub-link-accept");
    }

    /**
     * Prepares the socket directory, binds, secures the socket and starts accepting.
     *
     * @throws IOException naming the path or setting that is wrong (directory owned by someone
     *                     else, another agent listening, an allowed account that does not exist)
     */
    public static LinkServer start(LinkServerConfig config, RequestDispatcher dispatcher, Clock clock) throws IOException {
        Objects.requireNonNull(dispatcher, "dispatcher");
        Objects.requireNonNull(clock, "clock");
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            if (!probe.supportedOptions().contains(ExtendedSocketOptions.SO_PEERCRED)) {
                throw new IOException("this platform cannot tell who connects to a Unix socket (no SO_PEERCRED); "
                        + "the link runs on Linux only for now");
            }
        }
        PeerPolicy peers = PeerPolicy.resolve(config.allowedUsers(), config.allowedGroups());
        Path socket = config.socketPath().toAbsolutePath();
        SocketFiles.prepare(socket, config.socketGroup());
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(socket), config.maxConnections());
            SocketFiles.secure(socket, config.socketGroup());
        } catch (IOException | RuntimeException e) {
            server.close();
            Files.deleteIfExists(socket);
            throw new IOException("cannot listen on link socket " + socket + ": " + e.getMessage(), e);
        }
        LinkServer link = new LinkServer(config, peers, dispatcher, clock, server);
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
        return connections.size();
    }

    private void acceptLoop() {
        while (!closing) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                LOG.warn("link accept failed", e);
                continue;
            }
            try {
                admit(channel);
            } catch (IOException | RuntimeException e) {
                LOG.warn("link connection dropped before it was served", e);
                closeQuietly(channel);
            }
        }
    }

    private void admit(SocketChannel channel) throws IOException {
        UnixDomainPrincipal peer = channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
        if (!peers.admits(peer)) {
            LOG.warn("link refused a connection from user {} group {}", peer.user().getName(), peer.group().getName());
            LinkConnection.refuse(channel, dispatcher.forbidden(
                    "user " + peer.user().getName() + " (group " + peer.group().getName() + ") may not use the DigiClub agent"));
            return;
        }
        if (connections.size() >= config.maxConnections()) {
            connections.stream().min(Comparator.comparingLong(LinkConnection::lastActiveMillis)).ifPresent(idlest -> {
                LOG.info("link full ({} connections): closing the idlest to make room", connections.size());
                idlest.close();
            });
        }
        LinkConnection connection = new LinkConnection(channel, peer, dispatcher, config.maxRequestBytes(), clock, connections::remove);
        connections.add(connection);
        try {
            pool.execute(connection);
        } catch (RejectedExecutionException e) {
            // only when closing, or when connections arrive faster than evicted ones finish
            connections.remove(connection);
            connection.close();
            LOG.warn("link busy: a connection was turned away");
        }
    }

    /** Closes connections idle longer than the timeout; run every quarter of it. */
    void closeIdle() {
        long now = clock.millis();
        for (LinkConnection c : connections) {
            if (now - c.lastActiveMillis() > config.idleTimeout().toMillis()) {
                LOG.debug("closing idle link connection of {}", c.peerName());
                c.close();
            }
        }
    }

    /** Stops accepting, closes every connection and removes the socket file. */
    @Override
    public void close() {
        closing = true;
        closeQuietly(server);
        reaper.shutdownNow();
        connections.forEach(LinkConnection::close);
        pool.shutdownNow();
        try {
            acceptor.join(5_000);
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
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
