package bg.digiclub.common.link.wire;

import java.util.Objects;

/** A member's new PIN after a reset, shown to staff once. */
public record NewPinAnswer(String pin) {
    public NewPinAnswer {
        Objects.requireNonNull(pin, "pin");
    }

    @Override
    public String toString() {
        return "NewPinAnswer[pin=<hidden>]";
    }
}
