package bg.digiclub.common.link;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** The kiosk says a session is still running, with the time it has left (sent every 30 s). */
public record SessionHeartbeat(String sessionId, Instant at, Duration remaining) {
    public SessionHeartbeat {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(remaining, "remaining");
    }
}
