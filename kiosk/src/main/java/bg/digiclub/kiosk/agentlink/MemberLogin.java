package bg.digiclub.kiosk.agentlink;

import java.time.Duration;
import java.util.Objects;

import bg.digiclub.common.link.Demographics;

/**
 * The agent's answer to a member login.
 *
 * @param allowedNow   the time this session may last: the smaller of the per-session allowance
 *                     and what is left of today's; zero unless OK
 * @param lockedFor    how long the code stays locked after too many wrong PINs; zero otherwise
 * @param demographics what the member declared once, or null if never asked yet
 */
public record MemberLogin(Outcome outcome, Duration allowedNow, Duration lockedFor, Demographics demographics) {
    public MemberLogin {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(allowedNow, "allowedNow");
        Objects.requireNonNull(lockedFor, "lockedFor");
    }

    /** Why a login was or was not accepted. */
    public enum Outcome {
        OK,
        WRONG_PIN,
        LOCKED,
        DISABLED,
        NO_TIME_LEFT_TODAY
    }
}
