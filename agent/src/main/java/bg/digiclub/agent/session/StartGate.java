package bg.digiclub.agent.session;

import java.time.Duration;
import java.time.Instant;

import bg.digiclub.common.link.VisitorKind;

/**
 * The club's say over a new session, asked by {@link SessionAuthority#start} under its lock after
 * its own checks (no session open, no maintenance): a PC taken out of service, the club closed, or
 * people waiting for their turn refuse it; the club's closing shortens it. Asked under the
 * authority's lock, so a gate must not call the authority back, nor wait on anything that does.
 */
public interface StartGate {
    /** No club rules: every session the authority allows starts, as long as asked. */
    StartGate OPEN = new StartGate() {
        @Override
        public Duration admit(VisitorKind kind, Duration allowed, Instant lastEnded) {
            return allowed;
        }
    };

    /**
     * Lets a session start now, or refuses it.
     *
     * @param allowed   the time the visitor would be granted
     * @param lastEnded when the last session of this PC ended, or null if none ever did
     * @return the time to grant: {@code allowed}, or less (the club closes sooner)
     * @throws SessionRefusedException with the link's error code (closed, queue_waiting)
     */
    Duration admit(VisitorKind kind, Duration allowed, Instant lastEnded) throws SessionRefusedException;

    /** The session just admitted has started (the authority's lock is held). */
    default void started(String sessionId, Instant startedAt) {}
}
