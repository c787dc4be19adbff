package bg.digiclub.agent.link;

import java.util.Objects;

/**
 * How much of the link each account may use, so that no other account can take the kiosk's
 * share. Connections are counted per account ({@code SO_PEERCRED} user): the kiosk's account
 * has {@code kioskConnections} of its own that nobody else can take, every other account
 * shares the rest, each at most {@code peerConnections}. A connection is only ever closed to
 * make room for another connection of the <em>same</em> account; when the shared rest is full,
 * a newcomer is turned away as busy. Requests are counted per account too, across all its
 * connections, in a token bucket each: another account over its rate is answered busy; the
 * kiosk's account over its rate is slowed to it, never refused.
 *
 * @param maxConnections   all connections served at once, the kiosk's included
 * @param kioskConnections reserved for the kiosk's account; one more closes the kiosk's own idlest
 * @param peerConnections  the most any other account may hold; one more closes that account's own idlest
 * @param kioskRequests    the kiosk account's request rate
 * @param peerRequests     every other account's request rate, each its own
 */
public record PeerLimits(
        int maxConnections,
        int kioskConnections,
        int peerConnections,
        RequestRate kioskRequests,
        RequestRate peerRequests) {
    public static final int DEFAULT_MAX_CONNECTIONS = 8;
    /** The kiosk keeps one connection; a second covers the moment it replaces it. */
    public static final int DEFAULT_KIOSK_CONNECTIONS = 2;

    public static final int DEFAULT_PEER_CONNECTIONS = 2;
    /**
     * The kiosk sends a heartbeat every 30 s and a request per tap; after the agent was away it
     * sends its spooled events (hundreds of heartbeats after a few hours) back to back. Generous:
     * it bounds only a kiosk gone wrong (or a visitor running as the kiosk's account).
     */
    public static final RequestRate DEFAULT_KIOSK_REQUESTS = RequestRate.perSecond(50);
    /** A staff tool asks a few questions; more than this is a flood. */
    public static final RequestRate DEFAULT_PEER_REQUESTS = RequestRate.perSecond(10);

    public static final PeerLimits DEFAULT = new PeerLimits(
            DEFAULT_MAX_CONNECTIONS,
            DEFAULT_KIOSK_CONNECTIONS,
            DEFAULT_PEER_CONNECTIONS,
            DEFAULT_KIOSK_REQUESTS,
            DEFAULT_PEER_REQUESTS);

    public PeerLimits {
        Objects.requireNonNull(kioskRequests, "kioskRequests");
        Objects.requireNonNull(peerRequests, "peerRequests");
        if (kioskConnections < 1) {
            throw new IllegalArgumentException("link kiosk connections must be at least 1, got " + kioskConnections);
        }
        if (maxConnections <= kioskConnections) {
            throw new IllegalArgumentException(
                    "link max connections (" + maxConnections + ") must be more than the kiosk's " + kioskConnections
                            + ": other accounts (staff tools) need at least one");
        }
        if (peerConnections < 1) {
            throw new IllegalArgumentException("link peer connections must be at least 1, got " + peerConnections);
        }
    }

    /** Connections all accounts but the kiosk's share. */
    public int otherConnections() {
        return maxConnections - kioskConnections;
    }

    /**
     * A request rate: {@code perSecond} on average, up to {@code burst} back to back.
     *
     * @param perSecond requests a second an account may keep up
     * @param burst     requests it may send at once after a quiet spell
     */
    public record RequestRate(int perSecond, int burst) {
        /** Bursts of this many seconds' worth. */
        public static final int BURST_SECONDS = 4;

        public RequestRate {
            if (perSecond < 1) {
                throw new IllegalArgumentException("link requests per second must be at least 1, got " + perSecond);
            }
            if (burst < 1) {
                throw new IllegalArgumentException("link request burst must be at least 1, got " + burst);
            }
        }

        /** {@code perSecond}, with bursts of {@link #BURST_SECONDS} seconds' worth. */
        public static RequestRate perSecond(int perSecond) {
            return new RequestRate(perSecond, perSecond * BURST_SECONDS);
        }
    }
}
