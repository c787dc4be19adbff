package bg.digiclub.common.link;

import java.util.Objects;

/**
 * The kiosk says a session is still running (every 30 s). The agent records the time by its own
 * clock and answers with the time left.
 *
 * @param secret the secret the agent returned when the session started
 */
public record SessionHeartbeat(String sessionId, String secret) {
    public SessionHeartbeat {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "SessionHeartbeat[sessionId=" + sessionId + ", secret=<hidden>]";
    }
}
