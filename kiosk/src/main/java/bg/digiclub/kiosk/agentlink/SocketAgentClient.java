package bg.digiclub.kiosk.agentlink;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import bg.digiclub.common.health.HealthReport;
import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.SessionEnd;
import bg.digiclub.common.link.SessionHeartbeat;
import bg.digiclub.common.link.SessionStart;
import bg.digiclub.common.link.wire.CardRequest;
import bg.digiclub.common.link.wire.DeclareRequest;
import bg.digiclub.common.link.wire.ErrorCodes;
import bg.digiclub.common.link.wire.MemberCardView;
import bg.digiclub.common.link.wire.MemberCredentials;
import bg.digiclub.common.link.wire.MemberLoginAnswer;
import bg.digiclub.common.link.wire.MessageTypes;
import bg.digiclub.common.link.wire.NewCardAnswer;
import bg.digiclub.common.link.wire.NewPinAnswer;
import bg.digiclub.common.link.wire.OpenSession;
import bg.digiclub.common.link.wire.StaffLoginAnswer;
import bg.digiclub.common.link.wire.StaffPinRequest;
import bg.digiclub.common.link.wire.StaffRequest;

/**
 * The kiosk's {@link AgentClient} over the agent's Unix-domain socket.
 *
 * <p>Session events go through an {@link EventSpool} (memory and a JSON-lines file) and are
 * delivered by a background {@link SpoolFlusher}, in order, whether or not the agent is up:
 * they never block the UI and never fail, and a kiosk that crashes delivers them from the
 * file when it starts again. Everything else is a request on one kept connection, with a
 * timeout, failing with {@link AgentUnavailableException} (transport) or
 * {@link AgentRefusedException} (the agent said no).
 *
 * <p>After {@link #authenticateStaff} succeeds the agent's short-lived staff token is kept here
 * and sent with each card operation; when it has expired those fail with
 * {@link AgentRefusedException} code {@code staff_auth_required} and the staff PIN is asked
 * again. Likewise the ticket of a member's login is kept for that member's declaration.
 */
public final class SocketAgentClient implements AgentClient {
    private static final Logger LOG = LoggerFactory.getLogger(SocketAgentClient.class);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_RETRY_INTERVAL = Duration.ofSeconds(10);

    private final Path socket;
    private final ObjectMapper json = LinkJson.mapper();
    private final LinkChannel link;
    private final EventSpool spool;
    private final SpoolFlusher flusher;
    private final Map<String, String> memberTickets = new ConcurrentHashMap<>();
    private volatile String staffToken;

    /**
     * Reads any events a previous kiosk left in {@code spoolFile} and starts delivering them.
     *
     * @param socket        the agent's socket
     * @param spoolFile     where undelivered session events are kept (in the kiosk's state
     *                      directory, outside everything the privacy wipe clears)
     * @param timeout       how long one request may take before the agent counts as unreachable
     * @param retryInterval how often spooled events are tried again while the agent is away
     * @throws IOException if the spool file cannot be read or written
     */
    public SocketAgentClient(Path socket, Path spoolFile, Duration timeout, Duration retryInterval) throws IOException {
        this.socket = Objects.requireNonNull(socket, "socket");
        Objects.requireNonNull(spoolFile, "spoolFile");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("agent timeout must be positive, got " + timeout);
        }
        this.link = new LinkChannel(socket, timeout, json);
        this.spool = new EventSpool(spoolFile, json);
        this.flusher = new SpoolFlusher(spool, link, retryInterval);
        flusher.start();
    }

    public SocketAgentClient(Path socket, Path spoolFile) throws IOException {
        this(socket, spoolFile, DEFAULT_TIMEOUT, DEFAULT_RETRY_INTERVAL);
    }

    @Override
    public void sessionStarted(SessionStart start) {
        spool(MessageTypes.SESSION_START, start);
    }

    @Override
    public void heartbeat(SessionHeartbeat heartbeat) {
        spool(MessageTypes.SESSION_HEARTBEAT, heartbeat);
    }

    @Override
    public void sessionEnded(SessionEnd end) {
        spool(MessageTypes.SESSION_END, end);
    }

    private void spool(String type, Object event) {
        try {
            spool.append(type, event);
        } catch (IOException e) {
            // the disk is full or gone: the event is not lost while this kiosk runs, only on a crash
            LOG.error("cannot write the session spool; the {} is kept in memory only", type, e);
            spool.appendInMemory(type, event);
        }
        flusher.wake();
    }

    /** Session events not yet delivered. */
    public int pendingEvents() {
        return spool.size();
    }

    /**
     * Tries to deliver every spooled event now, on this thread.
     *
     * @return true if none is left
     */
    public boolean flush() {
        return flusher.flush();
    }

    /**
     * {@inheritDoc}
     *
     * <p>Spooled events are delivered first, so the answer reflects every event this kiosk
     * sent. If the agent cannot be reached, a session started but not ended in the spool is
     * the answer (a kiosk that died while the agent was away); only if there is none does
     * this throw.
     */
    @Override
    public Optional<String> openSessionId() throws AgentUnavailableException {
        if (flusher.flush()) {
            try {
                OpenSession open = convert(request(MessageTypes.SESSION_OPEN, null), OpenSession.class);
                return Optional.ofNullable(open.sessionId());
            } catch (AgentRefusedException e) {
                throw e;
            } catch (AgentUnavailableException e) {
                return fromSpool(e);
            }
        }
        return fromSpool(new AgentUnavailableException("the agent at " + socket + " is not reachable", null));
    }

    private Optional<String> fromSpool(AgentUnavailableException unreachable) throws AgentUnavailableException {
        Optional<String> unfinished = spool.unfinishedSessionId();
        if (unfinished.isPresent()) {
            return unfinished;
        }
        throw unreachable;
    }

    @Override
    public MemberLogin authenticateMember(String cardCode, char[] pin) throws AgentUnavailableException {
        MemberLoginAnswer answer = convert(request(MessageTypes.MEMBER_LOGIN, new MemberCredentials(cardCode, pin)),
                MemberLoginAnswer.class);
        if (answer.ticket() != null) {
            memberTickets.put(key(cardCode), answer.ticket());
        }
        return new MemberLogin(MemberLogin.Outcome.valueOf(answer.outcome().name()), answer.allowedNow(), answer.lockedFor(),
                answer.demographics());
    }

    @Override
    public void declareDemographics(String cardCode, Demographics demographics) throws AgentUnavailableException {
        String ticket = memberTickets.get(key(cardCode));
        if (ticket == null) {
            throw new AgentRefusedException(ErrorCodes.MEMBER_AUTH_REQUIRED, "the member must log in before declaring");
        }
        request(MessageTypes.MEMBER_DECLARE, new DeclareRequest(cardCode, ticket, demographics));
        memberTickets.remove(key(cardCode));
    }

    @Override
    public boolean authenticateStaff(char[] pin) throws AgentUnavailableException {
        staffToken = null;
        StaffLoginAnswer answer = convert(request(MessageTypes.STAFF_LOGIN, new StaffPinRequest(pin)), StaffLoginAnswer.class);
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
            request(MessageTypes.STAFF_LOGOUT, new StaffRequest(token));
        }
    }

    @Override
    public HealthReport health() throws AgentUnavailableException {
        return convert(request(MessageTypes.HEALTH, null), HealthReport.class);
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
        NewCardAnswer card = convert(staffRequest(MessageTypes.MEMBER_CREATE, new StaffRequest(token())), NewCardAnswer.class);
        return new NewMemberCard(card.code(), card.pin());
    }

    @Override
    public String resetMemberPin(String cardCode) throws AgentUnavailableException {
        return convert(staffRequest(MessageTypes.MEMBER_RESET_PIN, new CardRequest(token(), cardCode)), NewPinAnswer.class).pin();
    }

    @Override
    public void disableMemberCard(String cardCode) throws AgentUnavailableException {
        staffRequest(MessageTypes.MEMBER_DISABLE, new CardRequest(token(), cardCode));
    }

    /** Stops the flusher and closes the connection; undelivered events stay in the spool file. */
    @Override
    public void close() {
        flusher.close();
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
            return request(type, body);
        } catch (AgentRefusedException e) {
            if (ErrorCodes.STAFF_AUTH_REQUIRED.equals(e.code())) {
                staffToken = null;
            }
            throw e;
        }
    }

    /** The body of the agent's answer to one request. */
    private JsonNode request(String type, Object body) throws AgentUnavailableException {
        JsonNode answer;
        try {
            answer = link.exchange(type, body);
        } catch (IOException e) {
            throw new AgentUnavailableException("the agent at " + socket + " is not reachable: " + e.getMessage(), e);
        }
        if (!answer.path("ok").asBoolean()) {
            JsonNode error = answer.path("error");
            throw new AgentRefusedException(error.path("code").asText("unknown"), error.path("message").asText("no reason given"));
        }
        return answer.path("body");
    }

    private <T> T convert(JsonNode node, Class<T> type) throws AgentUnavailableException {
        try {
            return json.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new AgentUnavailableException("the agent's answer is not a " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static String key(String cardCode) {
        return cardCode.replace(" ", "").replace("-", "");
    }
}
