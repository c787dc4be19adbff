package bg.digiclub.agent.link;

import java.util.Map;
import java.util.Objects;

import bg.digiclub.agent.room.ClubRoom;
import bg.digiclub.common.link.SessionHeartbeat;
import bg.digiclub.common.link.wire.MessageTypes;
import bg.digiclub.common.link.wire.NoticeAck;
import bg.digiclub.common.link.wire.SessionTime;
import bg.digiclub.common.link.wire.StaffRequest;

/**
 * The club room's requests: {@code pc.notices} (what the kiosk shows over everything, asked every
 * 2 s), {@code notice.ack} (a staff message read), {@code help.call} (the visitor calls the mentor)
 * and {@code session.grace} (the visitor takes the grace block; the session's secret required);
 * {@code session.approve} (staff at the PC let one session start although people wait) needs a staff token.
 * Any kiosk connection may ask the first three: what they show is for whoever sits at the PC, and
 * a call repeated is one call. The rules are {@link ClubRoom}'s.
 */
final class RoomRequests {
    private final ClubRoom room;
    private final StaffTokens staffTokens;

    RoomRequests(ClubRoom room, StaffTokens staffTokens) {
        this.room = Objects.requireNonNull(room, "room");
        this.staffTokens = Objects.requireNonNull(staffTokens, "staffTokens");
    }

    void register(RequestDispatcher.Builder builder) {
        builder.on(MessageTypes.PC_NOTICES, body -> room.notices());
        builder.on(MessageTypes.NOTICE_ACK, body -> {
            room.acknowledge(body.as(NoticeAck.class).messageId());
            return Map.of();
        });
        builder.on(MessageTypes.HELP_CALL, body -> room.callHelp());
        builder.on(MessageTypes.SESSION_GRACE, body -> {
            SessionHeartbeat session = body.as(SessionHeartbeat.class);
            return new SessionTime(SessionRequests.refusals(() -> room.takeGrace(session.sessionId(), session.secret()))
                    .toSeconds());
        });
        builder.on(MessageTypes.SESSION_APPROVE, body -> {
            staffTokens.require(body.as(StaffRequest.class).token());
            room.approveNextSession();
            return Map.of();
        });
    }
}
