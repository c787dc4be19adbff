package bg.digiclub.agent.link;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import bg.digiclub.agent.link.PeerLimits.RequestRate;
import bg.digiclub.common.config.ConfigException;
import bg.digiclub.common.config.ConfigProperties;

/**
 * The local socket the kiosk talks to.
 *
 * @param server        where the socket is, who may connect, which account is the kiosk's, limits per account
 * @param staffTokenTtl how long a staff login stays valid without use
 */
public record LinkSettings(LinkServerConfig server, Duration staffTokenTtl) {
    public LinkSettings {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(staffTokenTtl, "staffTokenTtl");
    }

    /** Default socket: inside the data directory for development; the installer sets {@code /run/digiclub/agent.sock}. */
    public static LinkSettings read(ConfigProperties c, Path dataDir) {
        Path socket = c.path("link.socket").orElse(dataDir.resolve("run").resolve("agent.sock"));
        String group = c.string("link.socket-group", "digiclub-kiosk");
        // by default the account running the agent: the development set-up, where kiosk and agent share it
        List<String> users = c.optionalList("link.allowed-users").orElse(List.of(System.getProperty("user.name")));
        List<String> groups = c.list("link.allowed-groups");
        String kiosk = c.string("link.kiosk-user")
                .or(() -> users.stream().findFirst())
                .orElseThrow(() -> c.bad("link.kiosk-user", "", "must be set when link.allowed-users is empty"));
        int maxConnections = c.integer("link.max-connections", PeerLimits.DEFAULT_MAX_CONNECTIONS, 3, 64);
        int kioskConnections = c.integer("link.kiosk-connections", PeerLimits.DEFAULT_KIOSK_CONNECTIONS, 1, 16);
        if (kioskConnections >= maxConnections) {
            throw c.bad(
                    "link.kiosk-connections",
                    String.valueOf(kioskConnections),
                    "must be less than link.max-connections (" + maxConnections
                            + "), so other accounts keep at least one");
        }
        int peerConnections = c.integer("link.peer-connections", PeerLimits.DEFAULT_PEER_CONNECTIONS, 1, 16);
        int kioskRate =
                c.integer("link.kiosk-requests-per-second", PeerLimits.DEFAULT_KIOSK_REQUESTS.perSecond(), 1, 1000);
        int peerRate =
                c.integer("link.peer-requests-per-second", PeerLimits.DEFAULT_PEER_REQUESTS.perSecond(), 1, 1000);
        Duration idle = c.seconds(
                "link.idle-timeout-seconds",
                LinkServerConfig.DEFAULT_IDLE_TIMEOUT,
                Duration.ofSeconds(35),
                Duration.ofHours(1));
        int maxBytes = c.integer("link.max-request-bytes", LinkServerConfig.DEFAULT_MAX_REQUEST_BYTES, 1024, 1 << 20);
        Duration staffToken = c.minutes(
                "link.staff-token-minutes",
                AgentRequests.DEFAULT_STAFF_TOKEN_TTL,
                Duration.ofMinutes(1),
                Duration.ofMinutes(15));
        if (socket.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 100) {
            throw c.bad("link.socket", socket.toString(), "is too long for a Unix socket (at most 100 bytes)");
        }
        try {
            PeerLimits limits = new PeerLimits(
                    maxConnections,
                    kioskConnections,
                    peerConnections,
                    RequestRate.perSecond(kioskRate),
                    RequestRate.perSecond(peerRate));
            return new LinkSettings(
                    new LinkServerConfig(socket, group, users, groups, kiosk, limits, idle, maxBytes), staffToken);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(c.source() + ": " + e.getMessage(), e);
        }
    }
}
