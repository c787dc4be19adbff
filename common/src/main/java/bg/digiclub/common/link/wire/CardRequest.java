package bg.digiclub.common.link.wire;

import java.util.Objects;

/** A staff-only request about one member card. */
public record CardRequest(String token, String code) {
    public CardRequest {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(code, "code");
    }

    @Override
    public String toString() {
        return "CardRequest[token=<hidden>, code=<hidden>]";
    }
}
