package bg.digiclub.common.link.wire;

import java.time.Duration;
import java.util.Objects;

import bg.digiclub.common.link.Demographics;

/**
 * The agent's answer to a member login.
 *
 * @param allowedNow   the smaller of the per-session allowance and what is left of today's; zero unless OK
 * @param lockedFor    how long the code stays locked; zero unless LOCKED
 * @param demographics what the member declared once, null if never
 * @param ticket       for OK only: a short-lived proof of this login, sent with {@code member.declare}
 */
public record MemberLoginAnswer(
        LoginOutcome outcome, Duration allowedNow, Duration lockedFor, Demographics demographics, String ticket) {
    public MemberLoginAnswer {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(allowedNow, "allowedNow");
        Objects.requireNonNull(lockedFor, "lockedFor");
    }

    @Override
    public String toString() {
        return "MemberLoginAnswer[outcome=" + outcome + ", allowedNow=" + allowedNow + ", lockedFor=" + lockedFor + "]";
    }
}
