package bg.digiclub.common.link.wire;

import java.util.Objects;

/** A staff-only request that needs nothing but the staff token. */
public record StaffRequest(String token) {
    public StaffRequest {
        Objects.requireNonNull(token, "token");
    }

    @Override
    public String toString() {
        return "StaffRequest[token=<hidden>]";
    }
}
