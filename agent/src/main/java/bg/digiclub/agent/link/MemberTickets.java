package bg.digiclub.agent.link;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Proof of a member's successful login, handed to the kiosk with the answer: the kiosk presents
 * it to declare the member's age band and sex, and once to start the member's session. A session
 * can be started for a card only this way, so nobody counts sessions for a code they invented or
 * uses up a real member's daily allowance without the member's PIN.
 */
final class MemberTickets {
    private final ExpiringTokens tokens;

    MemberTickets(ExpiringTokens tokens) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    /** What a login found: the card and the time it may use now. */
    record Login(String code, Duration allowedNow) {
    }

    String issue(String code, Duration allowedNow) {
        return tokens.issue(code + "/" + allowedNow.toSeconds());
    }

    /** The login of a live ticket, which stays valid (for the declaration before the session). */
    Optional<Login> peek(String ticket) {
        return ticket == null ? Optional.empty() : tokens.subjectOf(ticket).map(MemberTickets::parse);
    }

    /** The login of a live ticket, used up: a session starts once per login. */
    Optional<Login> take(String ticket) {
        return ticket == null ? Optional.empty() : tokens.take(ticket).map(MemberTickets::parse);
    }

    private static Login parse(String subject) {
        int slash = subject.lastIndexOf('/');
        return new Login(subject.substring(0, slash), Duration.ofSeconds(Long.parseLong(subject.substring(slash + 1))));
    }
}
