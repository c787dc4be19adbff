package bg.digiclub.kiosk.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import bg.digiclub.common.health.CheckReport;
import bg.digiclub.common.health.HealthReport;
import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.SessionEnd;
import bg.digiclub.common.link.SessionHeartbeat;
import bg.digiclub.common.link.SessionStart;
import bg.digiclub.common.link.wire.ErrorCodes;
import bg.digiclub.kiosk.agentlink.AgentClient;
import bg.digiclub.kiosk.agentlink.AgentRefusedException;
import bg.digiclub.kiosk.agentlink.AgentUnavailableException;
import bg.digiclub.kiosk.agentlink.StaffLockedException;
import bg.digiclub.kiosk.agentlink.MemberCard;
import bg.digiclub.kiosk.agentlink.MemberLogin;
import bg.digiclub.kiosk.agentlink.NewMemberCard;

/**
 * A hand-written in-memory agent. The real agent sits behind a Unix socket owned by another
 * process and account, which a kiosk test cannot reach; its own tests cover that side.
 */
public final class FakeAgentClient implements AgentClient {
    public static final String STAFF_PIN = "9999";

    private final EventLog log;
    public final List<SessionStart> starts = new ArrayList<>();
    public final List<SessionHeartbeat> heartbeats = new ArrayList<>();
    public final List<SessionEnd> ends = new ArrayList<>();
    public final List<MemberCard> cards = new ArrayList<>();
    public volatile boolean reachable = true;
    public volatile String openSession;
    public volatile MemberLogin nextLogin =
            new MemberLogin(MemberLogin.Outcome.OK, Duration.ofMinutes(45), Duration.ZERO, null);
    public volatile char[] lastPinSeen;
    public volatile Demographics declared;
    /** When set, staff login answers "locked for this long", as the agent does after wrong PINs. */
    public volatile Duration staffLockedFor;
    /** Whether a staff login is live at this agent (logged in, not logged out or expired). */
    public volatile boolean staffLoggedIn;
    public volatile int staffLogouts;
    /** Requests that needed the staff login. */
    public volatile int staffRequests;
    private int created;

    public FakeAgentClient(EventLog log) {
        this.log = log;
    }

    @Override
    public synchronized void sessionStarted(SessionStart start) {
        starts.add(start);
        log.add("agent:start " + start.kind());
    }

    @Override
    public synchronized void heartbeat(SessionHeartbeat heartbeat) {
        heartbeats.add(heartbeat);
        log.add("agent:heartbeat");
    }

    @Override
    public synchronized void sessionEnded(SessionEnd end) {
        ends.add(end);
        log.add("agent:end " + end.reason());
    }

    @Override
    public Optional<String> openSessionId() throws AgentUnavailableException {
        check();
        return Optional.ofNullable(openSession);
    }

    @Override
    public MemberLogin authenticateMember(String cardCode, char[] pin) throws AgentUnavailableException {
        check();
        lastPinSeen = pin;
        log.add("agent:member " + cardCode);
        return nextLogin;
    }

    @Override
    public void declareDemographics(String cardCode, Demographics demographics) throws AgentUnavailableException {
        check();
        declared = demographics;
    }

    @Override
    public boolean authenticateStaff(char[] pin) throws AgentUnavailableException {
        check();
        if (staffLockedFor != null) {
            throw new StaffLockedException(staffLockedFor);
        }
        staffLoggedIn = Arrays.equals(STAFF_PIN.toCharArray(), pin);
        return staffLoggedIn;
    }

    @Override
    public void logoutStaff() throws AgentUnavailableException {
        check();
        staffLogouts++;
        staffLoggedIn = false;
    }

    /** The agent forgot the staff login (its token expired): staff requests are refused. */
    public void expireStaffLogin() {
        staffLoggedIn = false;
    }

    private void checkStaff() throws AgentUnavailableException {
        check();
        staffRequests++;
        if (!staffLoggedIn) {
            throw new AgentRefusedException(ErrorCodes.STAFF_AUTH_REQUIRED, "log in with the staff PIN (again)");
        }
    }

    @Override
    public HealthReport health() throws AgentUnavailableException {
        check();
        Instant now = Instant.parse("2026-02-04T09:00:00Z");
        return new HealthReport(HealthStatus.WARN, now, List.of(
                new CheckReport("disk:/", HealthStatus.WARN, "8 % free", now),
                new CheckReport("cpu-temperature", HealthStatus.OK, "51 °C", now),
                new CheckReport("fan-speed", HealthStatus.OK, "1200 rpm", now)));
    }

    @Override
    public synchronized List<MemberCard> memberCards() throws AgentUnavailableException {
        checkStaff();
        return List.copyOf(cards);
    }

    @Override
    public synchronized NewMemberCard createMemberCard() throws AgentUnavailableException {
        checkStaff();
        created++;
        String code = "55500" + created;
        cards.add(new MemberCard(code, false, false, Duration.ZERO));
        return new NewMemberCard(code, "48" + created + "1");
    }

    @Override
    public synchronized String resetMemberPin(String cardCode) throws AgentUnavailableException {
        check();
        return "7777";
    }

    @Override
    public synchronized void disableMemberCard(String cardCode) throws AgentUnavailableException {
        check();
        cards.replaceAll(c -> c.code().equals(cardCode) ? new MemberCard(c.code(), true, c.locked(), c.usedToday()) : c);
    }

    @Override
    public void close() {
        // nothing held
    }

    private void check() throws AgentUnavailableException {
        if (!reachable) {
            throw new AgentUnavailableException("connection refused", null);
        }
    }
}
