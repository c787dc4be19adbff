package bg.digiclub.collector.server;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jetty.io.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps the connections open at once from one TCP peer address: one visitor's PC (or script)
 * opening hundreds of connections and trickling a byte into each cannot take the server's
 * connections, memory or threads from everybody else. Connections over the cap are closed as
 * soon as they open. A trusted proxy is not capped (every client behind it shares its address;
 * the proxy does its own limiting and buffering).
 */
final class ConnectionsPerAddress implements Connection.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionsPerAddress.class);
    /** At most one log line per this many refused connections, so a flood cannot flood the log. */
    private static final long LOG_EVERY = 1000;

    private final int limit;
    private final ClientAddresses addresses;
    private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Connection, String> peers = new ConcurrentHashMap<>();
    private final AtomicLong refused = new AtomicLong();

    /** @param limit most connections open at once per address; 0 for no limit */
    ConnectionsPerAddress(int limit, ClientAddresses addresses) {
        this.limit = limit;
        this.addresses = addresses;
    }

    @Override
    public void onOpened(Connection connection) {
        String peer = peer(connection);
        if (peer == null || limit == 0) {
            return;
        }
        // the peer is remembered: a closed end point no longer knows its remote address
        peers.put(connection, peer);
        int now = open.merge(peer, 1, Integer::sum);
        if (now > limit && !addresses.isTrustedProxy(peer)) {
            long count = refused.incrementAndGet();
            if (count % LOG_EVERY == 1) {
                LOG.warn(
                        "{} connections open from {}, more than the {} allowed per address: closed ({} refused so far)",
                        now,
                        peer,
                        limit,
                        count);
            }
            connection.getEndPoint().close();
        }
    }

    @Override
    public void onClosed(Connection connection) {
        String peer = peers.remove(connection);
        if (peer == null) {
            return;
        }
        open.computeIfPresent(peer, (k, count) -> count <= 1 ? null : count - 1);
    }

    /** Connections refused since the start (for tests and benchmarks). */
    long refused() {
        return refused.get();
    }

    private static String peer(Connection connection) {
        SocketAddress remote = connection.getEndPoint().getRemoteSocketAddress();
        return remote instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress()
                : null;
    }
}
