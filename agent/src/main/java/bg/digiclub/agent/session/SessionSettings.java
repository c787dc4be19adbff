package bg.digiclub.agent.session;

import java.time.Duration;
import java.util.Objects;

import bg.digiclub.common.config.ConfigProperties;

/**
 * How the agent watches the kiosk's sessions.
 *
 * @param heartbeatInterval how often the kiosk says a session is alive; after two missed
 *                          heartbeats the agent ends the session as INTERRUPTED itself
 */
public record SessionSettings(Duration heartbeatInterval) {
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(30);

    public SessionSettings {
        Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
    }

    public static SessionSettings read(ConfigProperties c) {
        return new SessionSettings(c.seconds(
                "session.heartbeat-seconds", DEFAULT_HEARTBEAT, Duration.ofSeconds(1), Duration.ofMinutes(5)));
    }
}
