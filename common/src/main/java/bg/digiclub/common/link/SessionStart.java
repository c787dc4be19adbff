package bg.digiclub.common.link;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The kiosk tells the agent a session has started. The kiosk makes the id (a random UUID) so
 * that a session started while the agent is unreachable can be delivered later, once.
 *
 * @param memberCode the member's card code for {@link VisitorKind#MEMBER}, null for a guest;
 *                   it stays in the agent and never leaves the PC
 * @param allowed    the time granted at start
 */
public record SessionStart(String sessionId, VisitorKind kind, String memberCode, Demographics demographics,
                           Instant startedAt, Duration allowed) {
    public SessionStart {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(demographics, "demographics");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(allowed, "allowed");
        if ((kind == VisitorKind.MEMBER) != (memberCode != null)) {
            throw new IllegalArgumentException("memberCode must be set for MEMBER and only for MEMBER");
        }
    }
}
