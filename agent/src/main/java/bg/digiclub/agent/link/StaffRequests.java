package bg.digiclub.agent.link;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.agent.member.StaffPin;
import bg.digiclub.common.link.wire.ErrorCodes;
import bg.digiclub.common.link.wire.MessageTypes;
import bg.digiclub.common.link.wire.StaffLoginAnswer;
import bg.digiclub.common.link.wire.StaffPinRequest;
import bg.digiclub.common.link.wire.StaffRequest;

/**
 * {@code staff.login}: the staff PIN in, a short-lived staff token out; {@code staff.logout}:
 * the kiosk relocked its staff panel, so the token ends now rather than when it expires.
 */
final class StaffRequests {
    private static final Logger LOG = LoggerFactory.getLogger(StaffRequests.class);

    private final StaffPin staffPin;
    private final StaffTokens staffTokens;

    StaffRequests(StaffPin staffPin, StaffTokens staffTokens) {
        this.staffPin = Objects.requireNonNull(staffPin, "staffPin");
        this.staffTokens = Objects.requireNonNull(staffTokens, "staffTokens");
    }

    void register(RequestDispatcher.Builder builder) {
        builder.on(MessageTypes.STAFF_LOGIN, body -> login(body.as(StaffPinRequest.class)));
        builder.on(MessageTypes.STAFF_LOGOUT, body -> {
            staffTokens.revoke(body.as(StaffRequest.class).token());
            return Map.of();
        });
    }

    private StaffLoginAnswer login(StaffPinRequest request) throws Exception {
        try {
            StaffPin.Check check = staffPin.check(request.pin());
            switch (check.outcome()) {
                case OK:
                    LOG.info("staff logged in");
                    return new StaffLoginAnswer(StaffLoginAnswer.Outcome.OK, staffTokens.issue(), check.lockedFor());
                case WRONG_PIN:
                    LOG.info("wrong staff PIN");
                    return new StaffLoginAnswer(StaffLoginAnswer.Outcome.WRONG_PIN, null, check.lockedFor());
                case LOCKED:
                    // StaffPin logs the start of each lock once; a visitor knocking on a locked
                    // login must not write a line per request
                    LOG.debug("staff login refused: locked after repeated wrong PINs");
                    return new StaffLoginAnswer(StaffLoginAnswer.Outcome.LOCKED, null, check.lockedFor());
                default:
                    throw new LinkException(
                            ErrorCodes.STAFF_PIN_NOT_SET,
                            "no staff PIN is set on this PC; set one with 'digiclub-agent staff-pin'");
            }
        } finally {
            Arrays.fill(request.pin(), '\0');
        }
    }
}
