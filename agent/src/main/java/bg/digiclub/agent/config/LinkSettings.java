package bg.digiclub.agent.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import bg.digiclub.agent.link.AgentRequests;
import bg.digiclub.agent.link.LinkServerConfig;
import bg.digiclub.common.config.ConfigException;
import bg.digiclub.common.config.ConfigProperties;

/**
 * The local socket the kiosk talks to.
 *
 * @param server        where the socket is, who may connect, connection limits
 * @param staffTokenTtl how long a staff login stays valid without use
 */
public record LinkSettings(LinkServerConfig server, Duration staffTokenTtl) {
    public LinkSettings {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(staffTokenTtl, "staffTokenTtl");
    }

    /** Default socket: inside the data directory for development; the installer sets {@code /run/digiclub/agent.sock}. */
    static LinkSettings read(ConfigProperties c, Path dataDir) {
        Path socket = c.path("link.socket").orElse(dataDir.resolve("run").resolve("agent.sock"));
        String group = c.string("link.socket-group", "digiclub-kiosk");
        // by default the account running the agent: the development set-up, where kiosk and agent share it
        List<String> users = c.string("link.allowed-users").isPresent() ? c.list("link.allowed-users")
                : List.of(System.getProperty("user.name"));
        List<String> groups = c.list("link.allowed-groups");
        int maxConnections = c.integer("link.max-connections", LinkServerConfig.DEFAULT_MAX_CONNECTIONS, 2, 64);
        Duration idle = c.seconds("link.idle-timeout-seconds", LinkServerConfig.DEFAULT_IDLE_TIMEOUT,
                Duration.ofSeconds(35), Duration.ofHours(1));
        int maxBytes = c.integer("link.max-request-bytes", LinkServerConfig.DEFAULT_MAX_REQUEST_BYTES, 1024, 1 << 20);
        Duration staffToken = c.minutes("link.staff-token-minutes", AgentRequests.DEFAULT_STAFF_TOKEN_TTL,
                Duration.ofMinutes(1), Duration.ofMinutes(15));
        if (socket.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 100) {
            throw c.bad("link.socket", socket.toString(), "is too long for a Unix socket (at most 100 bytes)");
        }
        try {
            return new LinkSettings(new LinkServerConfig(socket, group, users, groups, maxConnections, idle, maxBytes),
                    staffToken);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(c.source() + ": " + e.getMessage(), e);
        }
    }
}
