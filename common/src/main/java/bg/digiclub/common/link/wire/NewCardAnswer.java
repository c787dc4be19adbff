package bg.digiclub.common.link.wire;

import java.util.Objects;

/** A card just created: its code and first PIN, shown to staff once. */
public record NewCardAnswer(String code, String pin) {
    public NewCardAnswer {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(pin, "pin");
    }

    @Override
    public String toString() {
        return "NewCardAnswer[code=<hidden>, pin=<hidden>]";
    }
}
