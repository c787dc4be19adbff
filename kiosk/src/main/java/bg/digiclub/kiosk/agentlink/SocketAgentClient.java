package bg.digiclub.kiosk.agentlink;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.common.health.HealthReport;
import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.EndReason;
import bg.digiclub.common.link.SessionEnd;
import bg.digiclub.common.link.SessionHeartbeat;
import bg.digiclub.common.link.SessionStart;
import bg.digiclub.common.link.TileCategory;
import bg.digiclub.common.link.VisitorKind;
import bg.digiclub.common.link.WipeStepResult;
import bg.digiclub.common.link.wire.AppLaunch;
import bg.digiclub.common.link.wire.CardRequest;
import bg.digiclub.common.link.wire.DeclareRequest;
import bg.digiclub.common.link.wire.ErrorCodes;
import bg.digiclub.common.link.wire.HelpState;
import bg.digiclub.common.link.wire.MaintenanceRequest;
import bg.digiclub.common.link.wire.MemberCardView;
import bg.digiclub.common.link.wire.MemberCredentials;
import bg.digiclub.common.link.wire.MemberLoginAnswer;
import bg.digiclub.common.link.wire.MessageTypes;
import bg.digiclub.common.link.wire.NewCardAnswer;
import bg.digiclub.common.link.wire.NewPinAnswer;
import bg.digiclub.common.link.wire.NoticeAck;
import bg.digiclub.common.link.wire.Notices;
import bg.digiclub.common.link.wire.OpenSession;
import bg.digiclub.common.link.wire.SessionEnded;
import bg.digiclub.common.link.wire.SessionExtend;
import bg.digiclub.common.link.wire.SessionGranted;
import bg.digiclub.common.link.wire.SessionTime;
import bg.digiclub.common.link.wire.StaffLoginAnswer;
import bg.digiclub.common.link.wire.StaffPinRequest;
import bg.digiclub.common.link.wire.StaffRequest;

/**
 * The kiosk's {@link AgentClient} over the agent's Unix-domain socket: one kept connection,
 * each request with a timeout, failing with {@link AgentUnavailableException} (transport) or
 * {@link AgentRefusedException} (the agent said no).
 *
 * <p>Credentials live here, in memory only: the running session's id and secret from
 * {@code session.start}, the staff token from {@link #authenticateStaff} (when it has expired
 * staff requests fail with code {@code staff_auth_required} and the PIN is asked again), and
 * each member's login ticket until it starts a session or declares.
 */
public final class SocketAgentClient implements AgentClient {
    private static final Logger LOG = LoggerFactory.getLogger(SocketAgentClient.class);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    /** Ending a session waits for the agent to end the visitor's programs and reset the home. */
    public static final Duration DEFAULT_END_TIMEOUT = Duration.ofSeconds(60);

    private final Path socket;
    private final ObjectMapper json = LinkJson.mapper();
    private final LinkChannel link;
    private final Duration endTimeout;
    private final String display;
    private final Map<String, String> memberTickets = new ConcurrentHashMap<>();
    private volatile String staffToken;
    private volatile RunningSession session;

    /** The running session, as the agent granted it. */
    private record RunningSession(String id, String secret) {
        @Override
        public String toString() {
            return "RunningSession[id=" + id + "]";
        }
    }

    /**
     * @param socket     the agent's socket
     * @param timeout    how long one request may take before the agent counts as unreachable
     * @param endTimeout how long ending a session may take (the agent resets the visitor's home)
     * @param display    the X display visitor programs open on ({@code DISPLAY}), null if none
     */
    public SocketAgentClient(Path socket, Duration timeout, Duration endTimeout, String display) {
        this.socket = Objects.requireNonNull(socket, "socket");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("agent timeout must be positive, got " + timeout);
        }
        this.link = new LinkChannel(socket, timeout, json);
        this.endTimeout = Objects.requireNonNull(endTimeout, "endTimeout");
        this.display = display;
    }

    public SocketAgentClient(Path socket) {
        this(socket, DEFAULT_TIMEOUT, DEFAULT_END_TIMEOUT, System.getenv("DISPLAY"));
    }

    @Override
    public Duration startSession(VisitorKind kind, String cardCode, Demographics demographics, Duration allowed)
            throws AgentUnavailableException {
        String ticket = null;
        if (kind == VisitorKind.MEMBER) {
            ticket = memberTickets.remove(key(Objects.requireNonNull(cardCode, "cardCode")));
            if (ticket == null) {
                throw new AgentRefusedException(ErrorCodes.MEMBER_AUTH_REQUIRED, "the member must log in first");
            }
        }
        int minutes = (int) Math.max(1, Math.min(SessionStart.MAX_MINUTES, allowed.toMinutes()));
        SessionGranted granted = convert(
                request(
                        endTimeout,
                        MessageTypes.SESSION_START,
                        new SessionStart(
                                kind,
                                ticket,
                                demographics,
                                minutes,
                                ProcessHandle.current().pid())),
                SessionGranted.class);
        session = new RunningSession(granted.sessionId(), granted.secret());
        LOG.info("session {} started by the agent at {}", granted.sessionId(), granted.startedAt());
        return Duration.ofSeconds(granted.remainingSeconds());
    }

    @Override
    public Duration heartbeat() throws AgentUnavailableException {
        RunningSession s = running();
        return Duration.ofSeconds(convert(
                        request(null, MessageTypes.SESSION_HEARTBEAT, new SessionHeartbeat(s.id(), s.secret())),
                        SessionTime.class)
                .remainingSeconds());
    }

    @Override
    public List<WipeStepResult> endSession(EndReason reason) throws AgentUnavailableException {
        RunningSession s = running();
        String token = reason == EndReason.STAFF ? token() : null;
        SessionEnded ended = convert(
                request(endTimeout, MessageTypes.SESSION_END, new SessionEnd(s.id(), s.secret(), reason, token)),
                SessionEnded.class);
        session = null;
        return ended.wipe();
    }

    @Override
    public Duration extendSession(Duration more) throws AgentUnavailableException {
        RunningSession s = running();
        return Duration.ofSeconds(convert(
                        staffRequest(MessageTypes.SESSION_EXTEND, new SessionExtend(s.id(), token(), (int)
                                more.toMinutes())),
                        SessionTime.class)
                .remainingSeconds());
    }

    @Override
    public PcStatus pcStatus() throws AgentUnavailableException {
        OpenSession answer = convert(request(null, MessageTypes.SESSION_OPEN, null), OpenSession.class);
        return new PcStatus(answer.open(), answer.outOfOrder());
    }

    @Override
    public void startMaintenance(Duration length) throws AgentUnavailableException {
        staffRequest(MessageTypes.MAINTENANCE_START, new MaintenanceRequest(token(), (int) length.toMinutes()));
    }

    @Override
    public void endMaintenance() throws AgentUnavailableException {
        request(null, MessageTypes.MAINTENANCE_END, null);
    }

    @Override
    public void launch(List<String> argv, TileCategory category) throws AgentUnavailableException {
        RunningSession s = session;
        AppLaunch launch = s != null
                ? new AppLaunch(s.id(), s.secret(), null, argv, display, category)
                : new AppLaunch(null, null, token(), argv, display, category);
        request(null, MessageTypes.APP_LAUNCH, launch);
    }

    private RunningSession running() throws AgentRefusedException {
        RunningSession s = session;
        if (s == null) {
            throw new AgentRefusedException(ErrorCodes.SESSION_ENDED, "no session was started through this kiosk");
        }
        return s;
    }

    @Override
    public MemberLogin authenticateMember(String cardCode, char[] pin) throws AgentUnavailableException {
        MemberLoginAnswer answer = convert(
                request(null, MessageTypes.MEMBER_LOGIN, new MemberCredentials(cardCode, pin)),
                MemberLoginAnswer.class);
        if (answer.ticket() != null) {
            memberTickets.put(key(cardCode), answer.ticket());
        }
        return new MemberLogin(
                MemberLogin.Outcome.valueOf(answer.outcome().name()),
                answer.allowedNow(),
                answer.lockedFor(),
                answer.demographics());
    }

    @Override
    public void declareDemographics(String cardCode, Demographics demographics) throws AgentUnavailableException {
        String ticket = memberTickets.get(key(cardCode));
        if (ticket == null) {
            throw new AgentRefusedException(ErrorCodes.MEMBER_AUTH_REQUIRED, "the member must log in before declaring");
        }
        request(null, MessageTypes.MEMBER_DECLARE, new DeclareRequest(cardCode, ticket, demographics));
        memberTickets.remove(key(cardCode));
    }

    @Override
    public boolean authenticateStaff(char[] pin) throws AgentUnavailableException {
        staffToken = null;
        StaffLoginAnswer answer =
                convert(request(null, MessageTypes.STAFF_LOGIN, new StaffPinRequest(pin)), StaffLoginAnswer.class);
        switch (answer.outcome()) {
            case OK:
                staffToken = answer.token();
                return true;
            case LOCKED:
                throw new StaffLockedException(answer.lockedFor());
            default:
                return false;
        }
    }

    @Override
    public void logoutStaff() throws AgentUnavailableException {
        String token = staffToken;
        staffToken = null;
        if (token != null) {
            request(null, MessageTypes.STAFF_LOGOUT, new StaffRequest(token));
        }
    }

    @Override
    public HealthReport health() throws AgentUnavailableException {
        return convert(request(null, MessageTypes.HEALTH, null), HealthReport.class);
    }

    @Override
    public List<MemberCard> memberCards() throws AgentUnavailableException {
        JsonNode list = staffRequest(MessageTypes.MEMBER_LIST, new StaffRequest(token()));
        List<MemberCard> cards = new ArrayList<>();
        for (JsonNode node : list) {
            MemberCardView v = convert(node, MemberCardView.class);
            cards.add(new MemberCard(v.code(), v.disabled(), v.locked(), v.usedToday()));
        }
        return cards;
    }

    @Override
    public NewMemberCard createMemberCard() throws AgentUnavailableException {
        NewCardAnswer card =
                convert(staffRequest(MessageTypes.MEMBER_CREATE, new StaffRequest(token())), NewCardAnswer.class);
        return new NewMemberCard(card.code(), card.pin());
    }

    @Override
    public String resetMemberPin(String cardCode) throws AgentUnavailableException {
        return convert(
                        staffRequest(MessageTypes.MEMBER_RESET_PIN, new CardRequest(token(), cardCode)),
                        NewPinAnswer.class)
                .pin();
    }

    @Override
    public void disableMemberCard(String cardCode) throws AgentUnavailableException {
        staffRequest(MessageTypes.MEMBER_DISABLE, new CardRequest(token(), cardCode));
    }

    @Override
    public Notices notices() throws AgentUnavailableException {
        return convert(request(null, MessageTypes.PC_NOTICES, null), Notices.class);
    }

    @Override
    public void acknowledgeNotice(String messageId) throws AgentUnavailableException {
        request(null, MessageTypes.NOTICE_ACK, new NoticeAck(messageId));
    }

    @Override
    public HelpState callHelp() throws AgentUnavailableException {
        return convert(request(null, MessageTypes.HELP_CALL, null), HelpState.class);
    }

    @Override
    public Duration takeGrace() throws AgentUnavailableException {
        RunningSession s = running();
        return Duration.ofSeconds(convert(
                        request(null, MessageTypes.SESSION_GRACE, new SessionHeartbeat(s.id(), s.secret())),
                        SessionTime.class)
                .remainingSeconds());
    }

    @Override
    public void approveSession() throws AgentUnavailableException {
        staffRequest(MessageTypes.SESSION_APPROVE, new StaffRequest(token()));
    }

    /** Closes the connections. */
    @Override
    public void close() {
        link.close();
    }

    private String token() throws AgentRefusedException {
        String token = staffToken;
        if (token == null) {
            throw new AgentRefusedException(ErrorCodes.STAFF_AUTH_REQUIRED, "log in with the staff PIN first");
        }
        return token;
    }

    private JsonNode staffRequest(String type, Object body) throws AgentUnavailableException {
        try {
            return request(null, type, body);
        } catch (AgentRefusedException e) {
            if (ErrorCodes.STAFF_AUTH_REQUIRED.equals(e.code())) {
                staffToken = null;
            }
            throw e;
        }
    }

    /** The body of the agent's answer to one request. */
    /** @param timeout null for the usual one */
    private JsonNode request(Duration timeout, String type, Object body) throws AgentUnavailableException {
        JsonNode answer;
        try {
            answer = timeout == null ? link.exchange(type, body) : link.exchange(type, body, timeout);
        } catch (IOException e) {
            throw new AgentUnavailableException("the agent at " + socket + " is not reachable: " + e.getMessage(), e);
        }
        if (!answer.path("ok").asBoolean()) {
            JsonNode error = answer.path("error");
            throw new AgentRefusedException(
                    error.path("code").asText("unknown"), error.path("message").asText("no reason given"));
        }
        return answer.path("body");
    }

    private <T> T convert(JsonNode node, Class<T> type) throws AgentUnavailableException {
        try {
            return json.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new AgentUnavailableException(
                    "the agent's answer is not a " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static String key(String cardCode) {
        return cardCode.replace(" ", "").replace("-", "");
    }
}
