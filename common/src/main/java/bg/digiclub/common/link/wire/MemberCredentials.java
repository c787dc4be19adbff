package bg.digiclub.common.link.wire;

import java.util.Objects;

/**
 * A member's card code and PIN. The PIN is a {@code char[]} so each end can clear it after use.
 */
public record MemberCredentials(String code, char[] pin) {
    public MemberCredentials {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(pin, "pin");
    }

    @Override
    public String toString() {
        return "MemberCredentials[code=<hidden>, pin=<hidden>]";
    }
}
