package bg.digiclub.agent.member;

import java.time.Duration;
import java.util.Objects;

import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.wire.LoginOutcome;

/**
 * The outcome of a member login.
 *
 * @param allowedNow   how long the session may last; zero unless OK
 * @param lockedFor    how long the code stays locked; zero unless LOCKED
 * @param demographics what the member declared once; null if never asked, or if not OK
 */
public record MemberLoginResult(
        LoginOutcome outcome, Duration allowedNow, Duration lockedFor, Demographics demographics) {
    public MemberLoginResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(allowedNow, "allowedNow");
        Objects.requireNonNull(lockedFor, "lockedFor");
    }

    static MemberLoginResult refused(LoginOutcome outcome) {
        return new MemberLoginResult(outcome, Duration.ZERO, Duration.ZERO, null);
    }

    static MemberLoginResult locked(Duration lockedFor) {
        return new MemberLoginResult(LoginOutcome.LOCKED, Duration.ZERO, lockedFor, null);
    }
}
