package bg.digiclub.agent.link;

import java.util.Objects;

import bg.digiclub.agent.member.RandomDigits;
import bg.digiclub.agent.session.SessionLedger;
import bg.digiclub.common.link.SessionEnd;
import bg.digiclub.common.link.SessionHeartbeat;
import bg.digiclub.common.link.SessionStart;
import bg.digiclub.common.link.wire.ErrorCodes;
import bg.digiclub.common.link.wire.MessageTypes;
import bg.digiclub.common.link.wire.OpenSession;
import bg.digiclub.common.link.wire.SessionAck;

/**
 * {@code session.*}: the kiosk's session events, straight into the ledger. They need no staff
 * token: the kiosk must be able to deliver them, spooled, long after they happened.
 */
final class SessionRequests {
    private final SessionLedger ledger;

    SessionRequests(SessionLedger ledger) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    void register(RequestDispatcher.Builder builder) {
        builder.on(MessageTypes.SESSION_START, body -> new SessionAck(ledger.start(canonical(body.as(SessionStart.class)))));
        builder.on(MessageTypes.SESSION_HEARTBEAT, body -> new SessionAck(ledger.heartbeat(body.as(SessionHeartbeat.class))));
        builder.on(MessageTypes.SESSION_END, body -> new SessionAck(ledger.end(body.as(SessionEnd.class))));
        builder.on(MessageTypes.SESSION_OPEN, body -> new OpenSession(ledger.openSessionId().orElse(null)));
    }

    /** Member codes are stored as the card store knows them, so usage adds up per card. */
    private static SessionStart canonical(SessionStart start) throws LinkException {
        if (start.memberCode() == null) {
            return start;
        }
        String code = RandomDigits.normalizeCode(start.memberCode());
        if (code == null) {
            throw new LinkException(ErrorCodes.BAD_REQUEST, "memberCode must be " + RandomDigits.CODE_LENGTH + " digits");
        }
        return new SessionStart(start.sessionId(), start.kind(), code, start.demographics(), start.startedAt(), start.allowed());
    }
}
