package bg.digiclub.agent.link;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

import bg.digiclub.agent.member.MemberCard;
import bg.digiclub.agent.member.MemberLoginResult;
import bg.digiclub.agent.member.MemberStore;
import bg.digiclub.agent.member.NewCard;
import bg.digiclub.common.link.wire.CardRequest;
import bg.digiclub.common.link.wire.DeclareRequest;
import bg.digiclub.common.link.wire.ErrorCodes;
import bg.digiclub.common.link.wire.LoginOutcome;
import bg.digiclub.common.link.wire.MemberCardView;
import bg.digiclub.common.link.wire.MemberCredentials;
import bg.digiclub.common.link.wire.MemberLoginAnswer;
import bg.digiclub.common.link.wire.MessageTypes;
import bg.digiclub.common.link.wire.NewCardAnswer;
import bg.digiclub.common.link.wire.NewPinAnswer;
import bg.digiclub.common.link.wire.StaffRequest;
import bg.digiclub.support.secret.RandomDigits;

/**
 * {@code member.*}: a member's login and declaration (the member's own PIN), and card
 * management (a staff token from {@code staff.login}).
 */
final class MemberRequests {
    private final MemberStore members;
    private final StaffTokens staffTokens;
    private final MemberTickets memberTickets;

    MemberRequests(MemberStore members, StaffTokens staffTokens, MemberTickets memberTickets) {
        this.members = Objects.requireNonNull(members, "members");
        this.staffTokens = Objects.requireNonNull(staffTokens, "staffTokens");
        this.memberTickets = Objects.requireNonNull(memberTickets, "memberTickets");
    }

    void register(RequestDispatcher.Builder builder) {
        builder.on(MessageTypes.MEMBER_LOGIN, body -> login(body.as(MemberCredentials.class)));
        builder.on(MessageTypes.MEMBER_DECLARE, body -> declare(body.as(DeclareRequest.class)));
        builder.on(MessageTypes.MEMBER_LIST, body -> {
            staffTokens.require(body.as(StaffRequest.class).token());
            return members.list().stream().map(MemberRequests::view).toList();
        });
        builder.on(MessageTypes.MEMBER_CREATE, body -> {
            staffTokens.require(body.as(StaffRequest.class).token());
            NewCard card = members.create();
            return new NewCardAnswer(card.code(), new String(card.pin()));
        });
        builder.on(MessageTypes.MEMBER_RESET_PIN, body -> {
            CardRequest request = body.as(CardRequest.class);
            staffTokens.require(request.token());
            return new NewPinAnswer(new String(members.resetPin(request.code())));
        });
        builder.on(MessageTypes.MEMBER_DISABLE, body -> {
            CardRequest request = body.as(CardRequest.class);
            staffTokens.require(request.token());
            members.disable(request.code());
            return Map.of();
        });
    }

    private MemberLoginAnswer login(MemberCredentials credentials) throws Exception {
        try {
            MemberLoginResult result = members.login(credentials.code(), credentials.pin());
            String ticket = result.outcome() == LoginOutcome.OK
                    ? memberTickets.issue(RandomDigits.normalizeCode(credentials.code()), result.allowedNow())
                    : null;
            return new MemberLoginAnswer(
                    result.outcome(), result.allowedNow(), result.lockedFor(), result.demographics(), ticket);
        } finally {
            Arrays.fill(credentials.pin(), '\0');
        }
    }

    private Object declare(DeclareRequest request) throws Exception {
        String code = RandomDigits.normalizeCode(request.code());
        if (code == null
                || !memberTickets
                        .peek(request.ticket())
                        .map(login -> code.equals(login.code()))
                        .orElse(false)) {
            throw new LinkException(
                    ErrorCodes.MEMBER_AUTH_REQUIRED,
                    "declaring needs the ticket of a successful login with this card in the last minutes");
        }
        members.declare(code, request.demographics());
        return Map.of();
    }

    private static MemberCardView view(MemberCard card) {
        return new MemberCardView(card.code(), card.disabled(), card.locked(), card.usedToday());
    }
}
