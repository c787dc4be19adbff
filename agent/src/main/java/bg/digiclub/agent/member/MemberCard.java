package bg.digiclub.agent.member;

import java.time.Duration;
import java.util.Objects;

/** A card as staff see it: the code and its state, no names. */
public record MemberCard(String code, boolean disabled, boolean locked, Duration usedToday) {
    public MemberCard {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(usedToday, "usedToday");
    }
}
