package bg.digiclub.common.link.wire;

import java.time.Duration;
import java.util.Objects;

/** A member card as staff see it: no names, only the code and its state. */
public record MemberCardView(String code, boolean disabled, boolean locked, Duration usedToday) {
    public MemberCardView {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(usedToday, "usedToday");
    }
}
