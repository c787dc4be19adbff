package bg.digiclub.agent.session;

import java.io.IOException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.agent.member.MemberVisits;
import bg.digiclub.agent.session.SessionRecord.ClosedBy;
import bg.digiclub.agent.store.RaisedChecks;
import bg.digiclub.agent.visitor.SessionEvents;
import bg.digiclub.agent.visitor.VisitorAccount;
import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.EndReason;
import bg.digiclub.common.link.TileCategory;
import bg.digiclub.common.link.VisitorKind;
import bg.digiclub.common.link.WipeStepResult;
import bg.digiclub.common.link.wire.ErrorCodes;

/**
 * The agent as the authority over this PC's sessions: it decides when a session starts and
 * ends (its own clock, never the kiosk's), hands each session's kiosk a secret that heartbeats
 * and the end must present, keeps one session open at a time, and ends a session itself when
 * the kiosk goes silent (killed or stopped) or its time runs out. Whenever a session ends, or
 * starts, or maintenance ends, every program of the visitor's account is ended; when a session
 * ends the visitor's home is reset.
 *
 * <p>Who may ask (staff token, member ticket) is checked by the link before it calls here.
 * Every method is synchronized: session changes happen one at a time, including the reset.
 */
public final class SessionAuthority {
    private static final Logger LOG = LoggerFactory.getLogger(SessionAuthority.class);
    /** The check raised while the visitor's home could not be reset: CRIT, the PC is out of order. */
    public static final String RESET_CHECK = "visitor-reset";

    private final SessionLedger ledger;
    private final VisitorAccount visitor;
    private final Clock clock;
    private final Duration heartbeatInterval;
    private final SessionSecrets secrets;
    private final RaisedChecks raised;
    /** Told of every session opened and ended, under this object's lock (the media automount). */
    private final SessionEvents events;
    /** A failed reset is tried again this often by the watchdog, so a passing problem (a busy file) heals. */
    static final Duration RESET_RETRY = Duration.ofMinutes(1);
    /** Sessions could not be heartbeated while the agent was down: the watchdog counts from here too. */
    private final Instant agentStarted;

    private Instant maintenanceUntil;
    /** The club's say over new sessions (agent.room); set once at wiring. */
    private volatile StartGate gate = StartGate.OPEN;
    /** Where a member session's card and day are recorded (agent.member); set once at wiring. */
    private volatile MemberVisits memberVisits = MemberVisits.NONE;
    /** The process of the kiosk that started the open session, if it said; in memory only. */
    private OpenKiosk openKiosk;

    private boolean lastResetFailed;
    private Instant lastResetAt;

    /**
     * @param raised where a failed reset is raised as {@value #RESET_CHECK} (CRIT to staff and the
     *               dashboard); it also tells, after a restart, that the last reset failed
     */
    public SessionAuthority(
            SessionLedger ledger,
            VisitorAccount visitor,
            RaisedChecks raised,
            Clock clock,
            Duration heartbeatInterval,
            SecureRandom random)
            throws SQLException {
        this(ledger, visitor, raised, clock, heartbeatInterval, random, SessionEvents.NONE);
    }

    /**
     * @param events told, under this object's lock, when a session opens, when one ends (before its
     *               reset begins) and when maintenance ends
     */
    public SessionAuthority(
            SessionLedger ledger,
            VisitorAccount visitor,
            RaisedChecks raised,
            Clock clock,
            Duration heartbeatInterval,
            SecureRandom random,
            SessionEvents events)
            throws SQLException {
        this.events = Objects.requireNonNull(events, "events");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.visitor = Objects.requireNonNull(visitor, "visitor");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.heartbeatInterval = Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        this.secrets = new SessionSecrets(Objects.requireNonNull(random, "random"));
        this.raised = Objects.requireNonNull(raised, "raised");
        this.lastResetFailed = raised.status(RESET_CHECK) != HealthStatus.OK;
        this.agentStarted = clock.instant();
        this.lastResetAt = agentStarted;
        if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
            throw new IllegalArgumentException("heartbeat interval must be positive, got " + heartbeatInterval);
        }
    }

    /** A session the agent started: what its kiosk needs, the secret only here. */
    public record Granted(String sessionId, String secret, Instant startedAt, Duration remaining) {
        @Override
        public String toString() {
            return "Granted[sessionId=" + sessionId + ", startedAt=" + startedAt + ", remaining=" + remaining + "]";
        }
    }

    /** Which session a kiosk process started. */
    private record OpenKiosk(String sessionId, KioskProcess process) {}

    /**
     * Starts a session now. A session still open whose kiosk has gone silent (or whose kiosk
     * process is gone) is ended first; one whose kiosk is alive is not replaced. The visitor's
     * leftover programs are ended.
     *
     * @param memberCode the card (known from a checked member ticket) for a member, else null
     * @param allowed    the time granted
     * @param kioskPid   the asking kiosk's process, or null: when it is gone the session ends at the
     *                   next {@link #sweep()}, not only after two missed heartbeats
     * @throws SessionRefusedException {@code busy} if a live session is open or maintenance is
     *                                 on; {@code out_of_order} if the visitor's home could not be reset;
     *                                 {@code bad_request} if {@code kioskPid} is no running process
     */
    public synchronized Granted start(
            VisitorKind kind, String memberCode, Demographics demographics, Duration allowed, Long kioskPid)
            throws SQLException, SessionRefusedException {
        Instant now = clock.instant();
        KioskProcess kiosk = null;
        if (kioskPid != null) {
            kiosk = KioskProcess.of(kioskPid)
                    .orElseThrow(() -> new SessionRefusedException(
                            ErrorCodes.BAD_REQUEST, "kioskPid " + kioskPid + " is not a running process"));
        }
        sweep();
        if (maintenanceUntil != null) {
            throw new SessionRefusedException(ErrorCodes.BUSY, "the PC is unlocked for maintenance; lock it first");
        }
        Optional<SessionRecord> open = ledger.openSession();
        if (open.isPresent()) {
            throw new SessionRefusedException(ErrorCodes.BUSY, "a session is running on this PC");
        }
        Duration granted = gate.admit(kind, allowed, ledger.lastEndedAt().orElse(null));
        if (lastResetFailed) {
            // try again: a transient failure (a busy file) must not keep the PC closed
            List<WipeStepResult> again = visitor.reset();
            resetDone(again);
            if (lastResetFailed) {
                throw new SessionRefusedException(
                        ErrorCodes.OUT_OF_ORDER,
                        "the previous visitor's data could not be removed: " + firstFailure(again));
            }
        }
        WipeStepResult ended = visitor.endProcesses();
        if (!ended.ok()) {
            LOG.warn("before a new session, the visitor's programs could not all be ended: {}", ended.detail());
        }
        String id = UUID.randomUUID().toString();
        String secret = secrets.next();
        ledger.insert(id, kind, memberCode, demographics, now, granted, SessionSecrets.hash(secret));
        openKiosk = kiosk == null ? null : new OpenKiosk(id, kiosk);
        if (kind == VisitorKind.MEMBER) {
            recordVisit(memberCode, now);
        }
        tell(events::sessionOpened);
        tell(() -> gate.started(id, now));
        return new Granted(id, secret, now, granted);
    }

    /**
     * Records the card and day of every member session from now on (distinct members per period, sent
     * with the card sync). Wired once, before the link starts.
     */
    public void recordMemberVisits(MemberVisits visits) {
        this.memberVisits = Objects.requireNonNull(visits, "visits");
    }

    /** A failure to record it must not refuse the session: the member is counted once fewer, that is all. */
    private void recordVisit(String memberCode, Instant now) {
        try {
            memberVisits.visited(memberCode, LocalDate.ofInstant(now, clock.getZone()));
        } catch (SQLException | RuntimeException e) {
            LOG.warn("a member session's day could not be recorded for the club's member counts: {}", e.toString());
        }
    }

    /**
     * Lets the club's rules (agent.room) refuse or shorten new sessions from now on. Wired once,
     * before the link starts; the gate is asked under this object's lock.
     */
    public void admitThrough(StartGate gate) {
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    /**
     * A sign of life of a session's kiosk.
     *
     * @return the time left by the agent's clock
     * @throws SessionRefusedException {@code session_auth_required} for a wrong id or secret,
     *                                 {@code session_ended} if the session is over
     */
    public synchronized Duration heartbeat(String sessionId, String secret)
            throws SQLException, SessionRefusedException {
        SessionRecord s = authorised(sessionId, secret);
        Instant now = clock.instant();
        if (s.isOpen() && !now.isBefore(timeoutDeadline(s))) {
            endByAgent(s, s.endsAt(), EndReason.TIMEOUT);
            s = ledger.find(sessionId).orElseThrow();
        }
        if (!s.isOpen()) {
            throw new SessionRefusedException(ErrorCodes.SESSION_ENDED, "this session is over (" + s.endReason() + ")");
        }
        Duration left = remaining(s, now);
        ledger.heartbeat(sessionId, now, left);
        return left;
    }

    /**
     * Ends a session now: its programs are ended and the visitor's home reset before this
     * returns. Ending a session that is already over answers with how its reset went, so a
     * kiosk that lost the answer can ask again.
     *
     * @param reason never INTERRUPTED (the agent's own); STAFF only after the link checked the staff token
     * @return the reset's steps
     */
    public synchronized List<WipeStepResult> end(String sessionId, String secret, EndReason reason)
            throws SQLException, SessionRefusedException {
        if (reason == EndReason.INTERRUPTED) {
            throw new IllegalArgumentException("only the agent ends a session as INTERRUPTED");
        }
        SessionRecord s = authorised(sessionId, secret);
        if (s.isOpen()) {
            Instant now = clock.instant();
            // a kiosk that ends late (it was stopped) gets no more than it was granted
            Instant at = now.isAfter(s.endsAt()) ? s.endsAt() : now;
            EndReason why = now.isAfter(s.endsAt()) ? EndReason.TIMEOUT : reason;
            return closeAndReset(s, at, why, ClosedBy.KIOSK);
        }
        return ledger.wipeSteps(sessionId);
    }

    /** Staff give a running session more time (the link checked the staff token). */
    public synchronized Duration extend(String sessionId, Duration more) throws SQLException, SessionRefusedException {
        SessionRecord s = ledger.find(sessionId)
                .filter(SessionRecord::isOpen)
                .orElseThrow(
                        () -> new SessionRefusedException(ErrorCodes.SESSION_ENDED, "no running session of this id"));
        ledger.extend(sessionId, more);
        LOG.info("session {} extended by {} (staff)", sessionId, more);
        return remaining(ledger.find(sessionId).orElse(s), clock.instant());
    }

    /**
     * The visitor takes more time on their own (the grace block the club allows; the room decided
     * how much): only the holder of the session's secret may.
     *
     * @return the time left now
     * @throws SessionRefusedException {@code session_auth_required} for a wrong id or secret,
     *                                 {@code session_ended} if the session is over
     */
    public synchronized Duration extendOwn(String sessionId, String secret, Duration more)
            throws SQLException, SessionRefusedException {
        SessionRecord s = authorised(sessionId, secret);
        Instant now = clock.instant();
        if (!s.isOpen() || !now.isBefore(s.endsAt())) {
            throw new SessionRefusedException(ErrorCodes.SESSION_ENDED, "this session is over");
        }
        ledger.extend(sessionId, more);
        LOG.info("session {} extended by {} (the visitor's grace)", sessionId, more);
        return remaining(ledger.find(sessionId).orElse(s), now);
    }

    /**
     * Staff, from the club page, give the open session more time; only the session that started at
     * {@code startedSecond} (whole seconds, as the room view showed it), never the next visitor's.
     *
     * @return the time left now
     * @throws SessionRefusedException {@code session_ended} if that session is not the open one
     */
    public synchronized Duration extendStarted(Instant startedSecond, Duration more)
            throws SQLException, SessionRefusedException {
        sweep();
        SessionRecord s = openStartedAt(startedSecond);
        ledger.extend(s.id(), more);
        LOG.info("session {} extended by {} (staff, club page)", s.id(), more);
        return remaining(ledger.find(s.id()).orElse(s), clock.instant());
    }

    /**
     * Staff, from the club page, end the session that started at {@code startedSecond}, with the
     * normal end and reset, as the staff panel's "end session" does.
     *
     * @throws SessionRefusedException {@code session_ended} if that session is not the open one
     */
    public synchronized List<WipeStepResult> endStarted(Instant startedSecond)
            throws SQLException, SessionRefusedException {
        sweep();
        SessionRecord s = openStartedAt(startedSecond);
        return endByAgent(s, clock.instant(), EndReason.STAFF);
    }

    /**
     * Ends whatever session is open, normally, with its reset (staff locked or restart the PC, the
     * club closes).
     *
     * @return whether a session was open
     */
    public synchronized boolean endOpen(EndReason reason) throws SQLException {
        if (reason == EndReason.INTERRUPTED) {
            throw new IllegalArgumentException("a session ended on purpose is not INTERRUPTED");
        }
        Optional<SessionRecord> open = ledger.openSession();
        if (open.isEmpty()) {
            return false;
        }
        SessionRecord s = open.get();
        Instant now = clock.instant();
        endByAgent(s, now.isAfter(s.endsAt()) ? s.endsAt() : now, reason);
        return true;
    }

    /** The open session, if any. */
    public synchronized Optional<SessionRecord> openSession() throws SQLException {
        return ledger.openSession();
    }

    private SessionRecord openStartedAt(Instant startedSecond) throws SQLException, SessionRefusedException {
        Objects.requireNonNull(startedSecond, "startedSecond");
        return ledger.openSession()
                .filter(s -> s.startedAt().getEpochSecond() == startedSecond.getEpochSecond())
                .orElseThrow(() -> new SessionRefusedException(
                        ErrorCodes.SESSION_ENDED, "that session is over; another may run now"));
    }

    /** Staff unlock the PC for maintenance (the link checked the staff token). */
    public synchronized void startMaintenance(Duration length) throws SQLException, SessionRefusedException {
        sweep();
        if (ledger.openSession().isPresent()) {
            throw new SessionRefusedException(ErrorCodes.BUSY, "end the session before maintenance");
        }
        maintenanceUntil = clock.instant().plus(length);
        LOG.info("maintenance unlock for {} (staff)", length);
    }

    /** Maintenance is over: the visitor's programs started during it are ended. */
    public synchronized void endMaintenance() {
        if (maintenanceUntil != null) {
            maintenanceUntil = null;
            relockAfterMaintenance();
        }
    }

    public synchronized boolean maintenanceOn() {
        return maintenanceUntil != null;
    }

    /**
     * Starts a program as the visitor for a running session, and records that the session used a
     * tile of {@code category} (for the day's usage statistics: the category only). The record is
     * made once the program started, and always before the session can end (this object's lock),
     * so the day the session started, sealed only after its sessions ended, never misses it.
     *
     * @param category   the category of the launcher's tile
     * @param displayEnv DISPLAY (and the like) of the kiosk's screen, already checked
     */
    public synchronized void launch(
            String sessionId, String secret, List<String> argv, TileCategory category, Map<String, String> displayEnv)
            throws SQLException, SessionRefusedException, IOException {
        Objects.requireNonNull(category, "category");
        SessionRecord s = authorised(sessionId, secret);
        if (!s.isOpen()) {
            throw new SessionRefusedException(ErrorCodes.SESSION_ENDED, "this session is over (" + s.endReason() + ")");
        }
        visitor.launch(argv, displayEnv);
        ledger.recordTileCategory(sessionId, category);
    }

    /**
     * Starts a program as the visitor during maintenance (the link checked the staff token). Not
     * counted in the statistics: staff checking a PC are not visitors.
     */
    public synchronized void launchForMaintenance(List<String> argv, Map<String, String> displayEnv)
            throws SessionRefusedException, IOException {
        sweep();
        if (maintenanceUntil == null) {
            throw new SessionRefusedException(ErrorCodes.BUSY, "the PC is not unlocked for maintenance");
        }
        visitor.launch(argv, displayEnv);
    }

    /** Whether a session is open. */
    public synchronized boolean sessionOpen() throws SQLException {
        return ledger.openSession().isPresent();
    }

    /** Whether the last reset of the visitor's home failed (the PC is out of order until one succeeds). */
    public synchronized boolean lastResetFailed() {
        return lastResetFailed;
    }

    /**
     * The watchdog, run every few seconds and whenever a kiosk's connection ends: ends a session
     * whose kiosk process is gone (as INTERRUPTED, now) or whose kiosk missed two heartbeats (as
     * INTERRUPTED, at its last sign of life) or whose time ran out a heartbeat ago (as TIMEOUT,
     * at its end), relocks maintenance whose time is up, and tries a failed reset of the visitor's
     * home again every {@link #RESET_RETRY} while the PC is free.
     */
    public synchronized void sweep() {
        Instant now = clock.instant();
        try {
            Optional<SessionRecord> open = ledger.openSession();
            if (open.isEmpty()
                    && lastResetFailed
                    && maintenanceUntil == null
                    && !now.isBefore(lastResetAt.plus(RESET_RETRY))) {
                LOG.info("trying the failed reset of the visitor's home again");
                resetDone(visitor.reset());
            }
            if (open.isPresent()) {
                SessionRecord s = open.get();
                OpenKiosk kiosk = openKiosk;
                if (kiosk != null
                        && kiosk.sessionId().equals(s.id())
                        && kiosk.process().isGone()) {
                    LOG.warn(
                            "session {}: its kiosk (pid {}) is gone; ending the session",
                            s.id(),
                            kiosk.process().pid());
                    endByAgent(s, now.isAfter(s.endsAt()) ? s.endsAt() : now, EndReason.INTERRUPTED);
                } else if (!now.isBefore(silenceDeadline(s))) {
                    LOG.warn(
                            "session {}: no heartbeat since {}; the kiosk is gone or stopped, ending it",
                            s.id(),
                            s.lastSignOfLife());
                    endByAgent(s, s.lastSignOfLife(), EndReason.INTERRUPTED);
                } else if (!now.isBefore(timeoutDeadline(s))) {
                    LOG.warn(
                            "session {}: its time ran out at {} and the kiosk did not end it; ending it",
                            s.id(),
                            s.endsAt());
                    endByAgent(s, s.endsAt(), EndReason.TIMEOUT);
                }
            }
        } catch (SQLException e) {
            LOG.error("the session watchdog could not read the ledger", e);
        }
        if (maintenanceUntil != null && !now.isBefore(maintenanceUntil)) {
            maintenanceUntil = null;
            LOG.info("maintenance time is over");
            relockAfterMaintenance();
        }
    }

    private void relockAfterMaintenance() {
        tell(events::maintenanceOver);
        WipeStepResult ended = visitor.endProcesses();
        LOG.info("maintenance over: visitor's programs {}", ended.ok() ? "ended" : "NOT all ended: " + ended.detail());
    }

    /** A listener's failure must never stop a session change or a reset. */
    private static void tell(Runnable event) {
        try {
            event.run();
        } catch (RuntimeException e) {
            LOG.error("a session listener failed", e);
        }
    }

    private List<WipeStepResult> endByAgent(SessionRecord s, Instant at, EndReason reason) throws SQLException {
        return closeAndReset(s, at, reason, ClosedBy.AGENT);
    }

    private List<WipeStepResult> closeAndReset(SessionRecord s, Instant at, EndReason reason, ClosedBy by)
            throws SQLException {
        if (!ledger.close(s.id(), at, reason, by)) {
            return ledger.wipeSteps(s.id());
        }
        openKiosk = null;
        // before the reset: nothing is done for the ended session's visitor (a stick mounted) once it runs
        tell(events::sessionEnding);
        List<WipeStepResult> steps = visitor.reset();
        ledger.recordReset(s.id(), steps);
        resetDone(steps);
        LOG.info(
                "session {} ended ({}, by {}); reset {}",
                s.id(),
                reason,
                by,
                lastResetFailed ? "FAILED: " + firstFailure(steps) : "ok");
        return steps;
    }

    /** Keeps the PC out of order, and {@value #RESET_CHECK} CRIT, while the last reset failed. */
    private void resetDone(List<WipeStepResult> steps) {
        lastResetAt = clock.instant();
        lastResetFailed = !succeeded(steps);
        raised.raise(
                RESET_CHECK,
                lastResetFailed ? HealthStatus.CRIT : HealthStatus.OK,
                lastResetFailed ? "the visitor's data could not be removed: " + firstFailure(steps) : "reset ok");
    }

    private SessionRecord authorised(String sessionId, String secret) throws SQLException, SessionRefusedException {
        // an unknown id and a wrong secret get the same answer: ids are not to be probed
        if (sessionId == null || secret == null || !ledger.secretMatches(sessionId, secret)) {
            throw new SessionRefusedException(ErrorCodes.SESSION_AUTH_REQUIRED, "unknown session or wrong secret");
        }
        return ledger.find(sessionId)
                .orElseThrow(() -> new SessionRefusedException(
                        ErrorCodes.SESSION_AUTH_REQUIRED, "unknown session or wrong secret"));
    }

    /** Two heartbeats missed, with half an interval of slack; never before the agent itself was up that long. */
    private Instant silenceDeadline(SessionRecord s) {
        Instant last = s.lastSignOfLife().isAfter(agentStarted) ? s.lastSignOfLife() : agentStarted;
        return last.plus(heartbeatInterval.multipliedBy(2)).plus(heartbeatInterval.dividedBy(2));
    }

    /** A kiosk gets one heartbeat interval after the end to end the session itself. */
    private Instant timeoutDeadline(SessionRecord s) {
        return s.endsAt().plus(heartbeatInterval);
    }

    private static Duration remaining(SessionRecord s, Instant now) {
        Duration left = Duration.between(now, s.endsAt());
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static boolean succeeded(List<WipeStepResult> steps) {
        return !steps.isEmpty() && steps.stream().allMatch(WipeStepResult::ok);
    }

    private static String firstFailure(List<WipeStepResult> steps) {
        return steps.stream()
                .filter(r -> !r.ok())
                .findFirst()
                .map(r -> r.step() + ": " + r.detail())
                .orElse("no reset steps");
    }
}
