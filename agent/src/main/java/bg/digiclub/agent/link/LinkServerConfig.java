package bg.digiclub.agent.link;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the link listens.
 *
 * @param socketPath      the socket file; its parent directory is created (or tightened) to mode
 *                        0750 and given {@code socketGroup}, the socket itself gets 0660
 * @param socketGroup     the group of the directory and socket (e.g. {@code digiclub-kiosk}),
 *                        applied when it exists on this PC; null to leave the agent's own group
 * @param allowedUsers    accounts (names or uids) whose connections are answered
 * @param allowedGroups   primary groups (names or gids) whose connections are answered
 * @param kioskUser       the kiosk's account (name or uid): always answered, with connections and
 *                        a request rate of its own that no other account can use up
 * @param limits          connections and requests per account
 * @param idleTimeout     a connection without a request this long is closed
 * @param maxRequestBytes the longest request line accepted
 */
public record LinkServerConfig(
        Path socketPath,
        String socketGroup,
        List<String> allowedUsers,
        List<String> allowedGroups,
        String kioskUser,
        PeerLimits limits,
        Duration idleTimeout,
        int maxRequestBytes) {
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(2);
    public static final int DEFAULT_MAX_REQUEST_BYTES = 64 * 1024;

    public LinkServerConfig {
        Objects.requireNonNull(socketPath, "socketPath");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        allowedUsers = List.copyOf(allowedUsers);
        allowedGroups = List.copyOf(allowedGroups);
        if (socketPath.getParent() == null) {
            throw new IllegalArgumentException("link socket path " + socketPath + " must be inside a directory");
        }
        if (kioskUser == null || kioskUser.isBlank()) {
            throw new IllegalArgumentException("the kiosk's user for the link is not set");
        }
        if (idleTimeout.compareTo(Duration.ofSeconds(35)) < 0) {
            // the kiosk sends a heartbeat every 30 s on its kept connection
            throw new IllegalArgumentException("link idle timeout must be at least 35 s, got " + idleTimeout);
        }
        if (maxRequestBytes < 1024) {
            throw new IllegalArgumentException("link max request bytes must be at least 1024, got " + maxRequestBytes);
        }
    }

    /**
     * The defaults for everything but where the socket is and who may use it; the kiosk is the
     * first of {@code allowedUsers} (in development, the account that runs both).
     */
    public static LinkServerConfig of(
            Path socketPath, String socketGroup, List<String> allowedUsers, List<String> allowedGroups) {
        if (allowedUsers.isEmpty()) {
            throw new IllegalArgumentException("no allowed user to take for the kiosk's");
        }
        return new LinkServerConfig(
                socketPath,
                socketGroup,
                allowedUsers,
                allowedGroups,
                allowedUsers.get(0),
                PeerLimits.DEFAULT,
                DEFAULT_IDLE_TIMEOUT,
                DEFAULT_MAX_REQUEST_BYTES);
    }

    /** The same with other limits. */
    public LinkServerConfig withLimits(PeerLimits newLimits) {
        return new LinkServerConfig(
                socketPath,
                socketGroup,
                allowedUsers,
                allowedGroups,
                kioskUser,
                newLimits,
                idleTimeout,
                maxRequestBytes);
    }
}
