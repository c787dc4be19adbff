package bg.digiclub.common.link.wire;

import java.util.Objects;

/** Staff give the running session more time. */
public record SessionExtend(String sessionId, String staffToken, int minutes) {
    public SessionExtend {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(staffToken, "staffToken");
        if (minutes < 1 || minutes > 240) {
            throw new IllegalArgumentException("minutes must be between 1 and 240, got " + minutes);
        }
    }

    @Override
    public String toString() {
        return "SessionExtend[sessionId=" + sessionId + ", minutes=" + minutes + "]";
    }
}
