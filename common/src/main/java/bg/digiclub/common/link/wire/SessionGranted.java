package bg.digiclub.common.link.wire;

import java.time.Instant;
import java.util.Objects;

/**
 * The agent's answer to {@code session.start}.
 *
 * @param secret           proves to the agent that a heartbeat or end comes from the kiosk that
 *                         started the session; never handed out again
 * @param startedAt        by the agent's clock
 * @param remainingSeconds the time granted
 */
public record SessionGranted(String sessionId, String secret, Instant startedAt, long remainingSeconds) {
    public SessionGranted {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    @Override
    public String toString() {
        return "SessionGranted[sessionId=" + sessionId + ", startedAt=" + startedAt + ", remainingSeconds="
                + remainingSeconds + "]";
    }
}
