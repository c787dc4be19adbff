package bg.digiclub.kiosk.session;

import java.time.Duration;
import java.util.Objects;

/**
 * A warning drawn over everything during a session.
 *
 * @param kind what it warns of
 * @param left for {@link Kind#TIME_LEFT} the threshold reached (10, 5, 1 minutes); for
 *             {@link Kind#IDLE} the grace the visitor has to say "I'm still here"
 */
public record SessionWarning(Kind kind, Duration left) {
    public SessionWarning {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(left, "left");
    }

    /** What a warning is about. */
    public enum Kind {
        /** The session's time is running out. */
        TIME_LEFT,
        /** Nobody has touched the PC for a while; the session ends unless someone answers. */
        IDLE
    }
}
