package bg.digiclub.common.link.wire;

import java.util.Objects;

/** The staff PIN, as typed on the staff panel. */
public record StaffPinRequest(char[] pin) {
    public StaffPinRequest {
        Objects.requireNonNull(pin, "pin");
    }

    @Override
    public String toString() {
        return "StaffPinRequest[pin=<hidden>]";
    }
}
