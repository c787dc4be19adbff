package bg.digiclub.agent.member;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** How much session time a card has used on this PC between two instants (the session ledger knows). */
public interface MemberUsage {
    Duration usedBetween(String cardCode, Instant from, Instant to);

    /** The codes of the cards with session time on this PC between two instants. */
    Set<String> codesBetween(Instant from, Instant to);
}
