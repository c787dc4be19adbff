package bg.digiclub.agent.link;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import bg.digiclub.support.expiry.ExpiringTokens;

/**
 * Proof of a member's successful login, handed to the kiosk with the answer: the kiosk presents
 * it to declare the member's age band and sex, and once to start the member's session. A session
 * can be started for a card only this way, so nobody counts sessions for a code they invented or
 * uses up a real member's daily allowance without the member's PIN.
 */
final class MemberTickets {
    private final ExpiringTokens<Login> tokens;

    MemberTickets(ExpiringTokens<Login> tokens) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    /** What a login found: the card and the time it may use now. */
    record Login(String code, Duration allowedNow) {
        Login {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(allowedNow, "allowedNow");
        }
    }

    String issue(String code, Duration allowedNow) {
        return tokens.issue(new Login(code, allowedNow));
    }

    /** The login of a live ticket, which stays valid (for the declaration before the session). */
    Optional<Login> peek(String ticket) {
        return ticket == null ? Optional.empty() : tokens.subjectOf(ticket);
    }

    /** The login of a live ticket, used up: a session starts once per login. */
    Optional<Login> take(String ticket) {
        return ticket == null ? Optional.empty() : tokens.take(ticket);
    }
}
