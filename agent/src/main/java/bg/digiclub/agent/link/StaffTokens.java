package bg.digiclub.agent.link;

import java.util.Objects;

import bg.digiclub.common.link.wire.ErrorCodes;
import bg.digiclub.support.expiry.ExpiringTokens;

/**
 * The staff logins of the kiosk's staff panel: a token from {@code staff.login}, required by every
 * staff action (cards, STAFF end, extend, maintenance, launching during maintenance), revoked by
 * {@code staff.logout}, expiring after a while without use.
 */
final class StaffTokens {
    private final ExpiringTokens<String> tokens;

    StaffTokens(ExpiringTokens<String> tokens) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    String issue() {
        return tokens.issue("staff");
    }

    void revoke(String token) {
        tokens.revoke(token);
    }

    /** @throws LinkException {@code staff_auth_required} unless {@code token} is a live staff login */
    void require(String token) throws LinkException {
        if (token == null || tokens.subjectOf(token).isEmpty()) {
            throw new LinkException(
                    ErrorCodes.STAFF_AUTH_REQUIRED, "this needs staff: log in with the staff PIN (again)");
        }
    }
}
