package bg.digiclub.agent.link;

import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who holds which of the link's connections, and whether a newcomer gets one ({@link PeerLimits}).
 * The kiosk's account has its own slots; the others share the rest, each up to its quota. When
 * an account is at its own limit, its own idlest connection makes room: one account's new
 * connection never closes another account's. When the shared slots are full, a newcomer from
 * an account below its quota is turned away.
 */
final class ConnectionSlots {
    private final PeerLimits limits;
    private final Map<UserPrincipal, List<LinkConnection>> byAccount = new HashMap<>();
    private int kioskHeld;
    private int othersHeld;

    ConnectionSlots(PeerLimits limits) {
        this.limits = limits;
    }

    /**
     * The outcome of asking for a slot.
     *
     * @param admitted the connection now holds a slot
     * @param evicted  a connection of the same account that gave its slot up and must be closed; or null
     * @param refusal  why it was turned away (when not admitted)
     */
    record Admission(boolean admitted, LinkConnection evicted, String refusal) {}

    synchronized Admission admit(LinkConnection connection) {
        PeerAccount account = connection.account();
        List<LinkConnection> held = byAccount.computeIfAbsent(account.user(), u -> new ArrayList<>());
        int quota = account.isKiosk() ? limits.kioskConnections() : limits.peerConnections();
        LinkConnection evicted = null;
        if (held.size() >= quota) {
            evicted = held.stream()
                    .min(Comparator.comparingLong(LinkConnection::lastActiveMillis))
                    .orElseThrow();
            remove(evicted);
        } else if (!account.isKiosk() && othersHeld >= limits.otherConnections()) {
            if (held.isEmpty()) {
                byAccount.remove(account.user());
            }
            return new Admission(
                    false,
                    null,
                    "the link is busy: all " + limits.otherConnections()
                            + " connections for accounts other than the kiosk's are in use; try again later");
        }
        byAccount.computeIfAbsent(account.user(), u -> new ArrayList<>()).add(connection);
        if (account.isKiosk()) {
            kioskHeld++;
        } else {
            othersHeld++;
        }
        return new Admission(true, evicted, null);
    }

    /** Gives the connection's slot back; nothing if it holds none (any more). */
    synchronized void release(LinkConnection connection) {
        remove(connection);
    }

    synchronized int size() {
        return kioskHeld + othersHeld;
    }

    synchronized List<LinkConnection> all() {
        return byAccount.values().stream().flatMap(List::stream).toList();
    }

    /** Connections held by this account now. */
    synchronized int heldBy(UserPrincipal user) {
        List<LinkConnection> held = byAccount.get(user);
        return held == null ? 0 : held.size();
    }

    private void remove(LinkConnection connection) {
        UserPrincipal user = connection.account().user();
        List<LinkConnection> held = byAccount.get(user);
        if (held == null || !held.remove(connection)) {
            return;
        }
        if (held.isEmpty()) {
            byAccount.remove(user);
        }
        if (connection.account().isKiosk()) {
            kioskHeld--;
        } else {
            othersHeld--;
        }
    }
}
