package bg.digiclub.common.link;

import java.util.Objects;

/**
 * The kiosk ends a session. The agent records the end by its own clock, ends every program of
 * the visitor's account and resets the visitor's home, and answers with how that went.
 *
 * @param secret     the secret the agent returned when the session started
 * @param reason     why; {@link EndReason#INTERRUPTED} is the agent's own and cannot be sent
 * @param staffToken a live staff token, required for {@link EndReason#STAFF}; null otherwise
 */
public record SessionEnd(String sessionId, String secret, EndReason reason, String staffToken) {
    public SessionEnd {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(reason, "reason");
        if (reason == EndReason.INTERRUPTED) {
            throw new IllegalArgumentException("only the agent ends a session as INTERRUPTED");
        }
        if ((reason == EndReason.STAFF) != (staffToken != null)) {
            throw new IllegalArgumentException("staffToken must be set for STAFF and only for STAFF");
        }
    }

    @Override
    public String toString() {
        return "SessionEnd[sessionId=" + sessionId + ", reason=" + reason + "]";
    }
}
