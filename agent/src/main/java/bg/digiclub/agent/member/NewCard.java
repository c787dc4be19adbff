package bg.digiclub.agent.member;

import java.util.Objects;

/** A card just created: its code and first PIN (not stored anywhere in clear). */
public record NewCard(String code, char[] pin) {
    public NewCard {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(pin, "pin");
    }

    @Override
    public String toString() {
        return "NewCard[code=<hidden>, pin=<hidden>]";
    }
}
