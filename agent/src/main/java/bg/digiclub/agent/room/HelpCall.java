package bg.digiclub.agent.room;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import bg.digiclub.common.link.wire.HelpState;

/**
 * The visitor's call for the mentor: NONE, then CALLED until staff answer, then SEEN for
 * {@link #SEEN_SHOWN} or until the session it was seen in ends. Calling again while CALLED or SEEN
 * changes nothing, so a visitor pressing "Help" a hundred times is one call on the mentor's page.
 * Not thread-safe: {@link ClubRoom} guards it.
 */
final class HelpCall {
    /** How long the kiosk says "the mentor is coming" after staff answered. */
    static final Duration SEEN_SHOWN = Duration.ofMinutes(2);

    private HelpState state = HelpState.NONE;
    private Instant seenAt;
    private String seenInSession;

    /** The state now, for the open session {@code openSession} (null: none). */
    HelpState state(Instant now, String openSession) {
        if (state == HelpState.SEEN
                && (!now.isBefore(seenAt.plus(SEEN_SHOWN)) || !Objects.equals(openSession, seenInSession))) {
            state = HelpState.NONE;
            seenAt = null;
            seenInSession = null;
        }
        return state;
    }

    /** @return whether this was a new call (the mentor's page must hear of it) */
    boolean call(Instant now, String openSession) {
        if (state(now, openSession) != HelpState.NONE) {
            return false;
        }
        state = HelpState.CALLED;
        return true;
    }

    /** Staff answered: @return what the detail of the answer says */
    String answer(Instant now, String openSession) {
        HelpState before = state(now, openSession);
        if (before == HelpState.CALLED) {
            state = HelpState.SEEN;
            seenAt = now;
            seenInSession = openSession;
            return "the visitor is told the mentor is coming";
        }
        return before == HelpState.SEEN ? "already answered" : "no call was waiting";
    }
}
