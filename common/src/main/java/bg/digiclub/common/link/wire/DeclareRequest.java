package bg.digiclub.common.link.wire;

import java.util.Objects;

import bg.digiclub.common.link.Demographics;

/** A member's one-time declaration, with the ticket from the login that allows it. */
public record DeclareRequest(String code, String ticket, Demographics demographics) {
    public DeclareRequest {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(demographics, "demographics");
    }

    @Override
    public String toString() {
        return "DeclareRequest[code=<hidden>, ticket=<hidden>, demographics=" + demographics + "]";
    }
}
