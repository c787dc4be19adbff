package bg.digiclub.kiosk.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

import bg.digiclub.common.health.CheckReport;
import bg.digiclub.common.health.HealthReport;
import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.EndReason;
import bg.digiclub.common.link.TileCategory;
import bg.digiclub.common.link.VisitorKind;
import bg.digiclub.common.link.WipeStepResult;
import bg.digiclub.common.link.wire.ErrorCodes;
import bg.digiclub.common.link.wire.HelpState;
import bg.digiclub.common.link.wire.Notices;
import bg.digiclub.common.live.PcMode;
import bg.digiclub.kiosk.agentlink.AgentClient;
import bg.digiclub.kiosk.agentlink.AgentRefusedException;
import bg.digiclub.kiosk.agentlink.AgentUnavailableException;
import bg.digiclub.kiosk.agentlink.MemberCard;
import bg.digiclub.kiosk.agentlink.MemberLogin;
import bg.digiclub.kiosk.agentlink.NewMemberCard;
import bg.digiclub.kiosk.agentlink.PcStatus;
import bg.digiclub.kiosk.agentlink.StaffLockedException;

/**
 * A hand-written in-memory agent. The real agent sits behind a Unix socket owned by another
 * process and account, which a kiosk test cannot reach; its own tests cover that side. The test
 * decides what the agent answers: the time left at a heartbeat, whether it refuses a start,
 * whether its reset of the visitor's home succeeds.
 */
public final class FakeAgentClient implements AgentClient {
    public static final String STAFF_PIN = "9999";

    /** A session start the kiosk asked for. */
    public record Start(VisitorKind kind, String cardCode, Demographics demographics, Duration allowed) {}

    private final EventLog log;
    public final List<Start> starts = new ArrayList<>();
    public final List<EndReason> ends = new ArrayList<>();
    public final List<List<String>> launched = new ArrayList<>();
    /** The category sent with each launch, in step with {@link #launched}. */
    public final List<TileCategory> launchedCategories = new ArrayList<>();

    public final List<MemberCard> cards = new ArrayList<>();
    public volatile boolean reachable = true;
    /** What {@link #pcStatus()} answers: a session is open. */
    public volatile boolean openSession;
    /** What {@link #pcStatus()} answers: the PC is out of order (the agent's last reset failed). */
    public volatile boolean outOfOrder;
    /**
     * The time left the agent answers a heartbeat with; null: the agent's own count, on the
     * ticker given at construction (or no answer without one).
     */
    public volatile Duration remainingAnswer;
    /** When set, the agent has ended the session: heartbeats are refused with {@code session_ended}. */
    public volatile boolean endedByAgent;
    /** When set, a start is refused with this error code. */
    public volatile String refuseStart;
    /** Whether the agent's reset of the visitor's home fails. */
    public volatile boolean resetFails;

    public volatile MemberLogin nextLogin =
            new MemberLogin(MemberLogin.Outcome.OK, Duration.ofMinutes(45), Duration.ZERO, null);
    public volatile char[] lastPinSeen;
    public volatile Demographics declared;
    private final LongSupplier ticker;
    private Duration granted;
    private long startedAt;
    /** When set, staff login answers "locked for this long", as the agent does after wrong PINs. */
    public volatile Duration staffLockedFor;
    /** Whether a staff login is live at this agent (logged in, not logged out or expired). */
    public volatile boolean staffLoggedIn;

    public volatile int staffLogouts;
    /** Requests that needed the staff login. */
    public volatile int staffRequests;

    private int created;

    public FakeAgentClient(EventLog log) {
        this(log, null);
    }

    /** An agent whose clock is {@code ticker}, the same one the kiosk's countdown runs on. */
    public FakeAgentClient(EventLog log, LongSupplier ticker) {
        this.log = log;
        this.ticker = ticker;
    }

    private Duration agentRemaining() throws AgentUnavailableException {
        if (remainingAnswer != null) {
            return remainingAnswer;
        }
        if (ticker == null) {
            throw new AgentUnavailableException("the test set no answer", null);
        }
        Duration left = granted.minus(Duration.ofNanos(ticker.getAsLong() - startedAt));
        return left.isNegative() ? Duration.ZERO : left;
    }

    @Override
    public synchronized Duration startSession(
            VisitorKind kind, String cardCode, Demographics demographics, Duration allowed)
            throws AgentUnavailableException {
        check();
        if (refuseStart != null) {
            throw new AgentRefusedException(refuseStart, "refused by the test");
        }
        starts.add(new Start(kind, cardCode, demographics, allowed));
        log.add("agent:start " + kind);
        granted = allowed;
        running = true;
        startedAt = ticker == null ? 0 : ticker.getAsLong();
        endedByAgent = false;
        return allowed;
    }

    @Override
    public synchronized Duration heartbeat() throws AgentUnavailableException {
        check();
        log.add("agent:heartbeat");
        if (endedByAgent) {
            throw new AgentRefusedException(ErrorCodes.SESSION_ENDED, "the agent ended it");
        }
        return agentRemaining();
    }

    @Override
    public synchronized List<WipeStepResult> endSession(EndReason reason) throws AgentUnavailableException {
        check();
        if (reason == EndReason.STAFF) {
            checkStaff();
        }
        ends.add(reason);
        running = false;
        log.add("agent:end " + reason);
        return List.of(
                new WipeStepResult("end-programs", true, "2 ended"),
                new WipeStepResult(
                        "reset-home", !resetFails, resetFails ? "Device or resource busy" : "from template"));
    }

    @Override
    public synchronized Duration extendSession(Duration more) throws AgentUnavailableException {
        checkStaff();
        log.add("agent:extend " + more.toMinutes());
        if (remainingAnswer != null) {
            remainingAnswer = remainingAnswer.plus(more);
        }
        granted = granted.plus(more);
        return agentRemaining();
    }

    @Override
    public PcStatus pcStatus() throws AgentUnavailableException {
        check();
        log.add("agent:status");
        return new PcStatus(openSession, outOfOrder);
    }

    @Override
    public void startMaintenance(Duration length) throws AgentUnavailableException {
        checkStaff();
        log.add("agent:maintenance " + length.toMinutes());
    }

    @Override
    public void endMaintenance() throws AgentUnavailableException {
        check();
        log.add("agent:maintenance over");
    }

    @Override
    public synchronized void launch(List<String> argv, TileCategory category) throws AgentUnavailableException {
        check();
        launched.add(List.copyOf(argv));
        launchedCategories.add(category);
        log.add("agent:launch " + String.join(" ", argv));
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

    /** When set, {@link #health()} answers this report. */
    public volatile HealthReport healthAnswer;

    @Override
    public HealthReport health() throws AgentUnavailableException {
        check();
        if (healthAnswer != null) {
            return healthAnswer;
        }
        Instant now = Instant.parse("2026-02-04T09:00:00Z");
        return new HealthReport(
                HealthStatus.WARN,
                now,
                List.of(
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
        cards.replaceAll(
                c -> c.code().equals(cardCode) ? new MemberCard(c.code(), true, c.locked(), c.usedToday()) : c);
    }

    /**
     * What {@link #notices()} answers; the test changes it as the agent's state would change.
     * Null (at first): nothing to show, the PC free or in the session this fake runs.
     */
    public volatile Notices notices;
    /** A session this fake started is running (started, not ended). */
    private volatile boolean running;
    /** Ids of the staff messages the kiosk acknowledged, in order. */
    public final List<String> acknowledged = new ArrayList<>();
    /** What {@link #callHelp()} answers. */
    public volatile HelpState helpAnswer = HelpState.CALLED;

    public volatile int helpCalls;
    public volatile int noticeAsks;
    /** When set, {@code session.grace} is refused with this code; else it adds {@link #notices}' grace minutes. */
    public volatile String refuseGrace;

    @Override
    public Notices notices() throws AgentUnavailableException {
        check();
        noticeAsks++;
        return currentNotices();
    }

    private Notices currentNotices() {
        Notices answer = notices;
        if (answer != null) {
            return answer;
        }
        return new Notices(running ? PcMode.IN_SESSION : PcMode.FREE, null, null, null, false, HelpState.NONE, 0, null);
    }

    @Override
    public synchronized void acknowledgeNotice(String messageId) throws AgentUnavailableException {
        check();
        acknowledged.add(messageId);
        log.add("agent:ack " + messageId);
    }

    @Override
    public synchronized HelpState callHelp() throws AgentUnavailableException {
        check();
        helpCalls++;
        log.add("agent:help");
        return helpAnswer;
    }

    @Override
    public synchronized Duration takeGrace() throws AgentUnavailableException {
        check();
        if (refuseGrace != null) {
            throw new AgentRefusedException(refuseGrace, "refused by the test");
        }
        Duration more = Duration.ofMinutes(currentNotices().graceMinutes());
        log.add("agent:grace " + more.toMinutes());
        if (remainingAnswer != null) {
            remainingAnswer = remainingAnswer.plus(more);
        }
        granted = granted.plus(more);
        return agentRemaining();
    }

    /** Sessions staff approved at the PC although people were waiting. */
    public volatile int approvals;

    @Override
    public void approveSession() throws AgentUnavailableException {
        checkStaff();
        approvals++;
        log.add("agent:approve");
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
