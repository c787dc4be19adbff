package bg.digiclub.agent.member;

import java.time.Duration;
import java.time.Instant;

/** How much session time a card has used between two instants (the session ledger knows). */
@FunctionalInterface
public interface MemberUsage {
    Duration usedBetween(String cardCode, Instant from, Instant to);
}
