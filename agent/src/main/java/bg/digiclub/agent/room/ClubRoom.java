package bg.digiclub.agent.room;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.agent.session.SessionAuthority;
import bg.digiclub.agent.session.SessionRecord;
import bg.digiclub.agent.session.SessionRefusedException;
import bg.digiclub.agent.session.StartGate;
import bg.digiclub.agent.store.Database;
import bg.digiclub.common.health.HealthReport;
import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.common.link.EndReason;
import bg.digiclub.common.link.VisitorKind;
import bg.digiclub.common.link.wire.ErrorCodes;
import bg.digiclub.common.link.wire.HelpState;
import bg.digiclub.common.link.wire.Notices;
import bg.digiclub.common.link.wire.ShownMessage;
import bg.digiclub.common.live.ClubSettings;
import bg.digiclub.common.live.Command;
import bg.digiclub.common.live.CommandAck;
import bg.digiclub.common.live.CommandKind;
import bg.digiclub.common.live.CommandOutcome;
import bg.digiclub.common.live.PcMode;
import bg.digiclub.common.live.PcState;
import bg.digiclub.common.live.Room;

/**
 * This PC in its club room: its state for the mentor's room view, staff's commands run with the
 * staff panel's rules, the club's opening hours and walk-up queue applied, the visitor's help
 * call, staff messages and grace block kept for the kiosk. Sessions themselves stay the
 * {@link SessionAuthority}'s: this room is its {@link StartGate} (locked, closed, people waiting)
 * and asks it to extend or end a session.
 *
 * <p>Locking: the room's fields are guarded by one private lock, never held while the authority is
 * called (the authority calls the gate under its own lock); listeners are told with no lock held.
 * {@link #tick()} runs every second ({@link RoomTicker}): it ends sessions at closing, shuts the PC
 * down after closing, runs a restart or shutdown staff asked for, and tells the listeners when the
 * state changed on its own (a session ended, a help answer wore off).
 */
public final class ClubRoom implements PcConsole, StartGate {
    private static final Logger LOG = LoggerFactory.getLogger(ClubRoom.class);
    /** Staff's approval of one session (APPROVE_SESSION) holds this long for the next start. */
    static final Duration APPROVAL_LIFETIME = Duration.ofMinutes(10);
    /** A restart or shutdown waits this long, so the command's answer leaves the PC first. */
    static final Duration POWER_DELAY = Duration.ofSeconds(5);
    /** The kiosk warns of closing from this many minutes before. */
    static final int CLOSING_NOTICE_MINUTES = 10;

    private final SessionAuthority sessions;
    private final RoomStore store;
    private final PowerControl power;
    private final Supplier<HealthReport> health;
    private final String agentVersion;
    private final Clock clock;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();

    // guarded by lock
    private boolean locked;
    private Room room;
    private final GraceBlocks grace;
    private Instant approvedUntil;
    private final HelpCall help = new HelpCall();
    private Integer admittedTicket;
    private String servedSession;
    private Integer servedTicket;
    private PendingPower pendingPower;
    private Instant lastTick;
    private PcState lastTold;

    private ClubRoom(
            SessionAuthority sessions,
            RoomStore store,
            PowerControl power,
            Supplier<HealthReport> health,
            String agentVersion,
            Clock clock)
            throws SQLException {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.store = store;
        this.power = Objects.requireNonNull(power, "power");
        this.health = Objects.requireNonNull(health, "health");
        this.agentVersion = Details.of(Objects.requireNonNull(agentVersion, "agentVersion"));
        this.clock = Objects.requireNonNull(clock, "clock");
        RoomStore.Saved saved = store.load();
        this.locked = saved.locked();
        this.room = saved.room().orElse(new Room(ClubSettings.DEFAULTS, 0, null, null));
        this.grace = new GraceBlocks(store, saved);
        this.lastTick = clock.instant();
        if (locked) {
            LOG.info("this PC is out of service (locked by staff) until staff unlock it");
        }
    }

    /**
     * The room over {@code db}'s kept state, made the authority's gate: from now on no session
     * starts while the PC is locked, the club closed, or people wait for their turn.
     *
     * @param health       the PC's current health report; may return null before the first sample
     * @param agentVersion shown to the municipality's IT
     */
    public static ClubRoom open(
            SessionAuthority sessions,
            Database db,
            PowerControl power,
            Supplier<HealthReport> health,
            String agentVersion,
            Clock clock)
            throws SQLException {
        ClubRoom room = new ClubRoom(
                sessions, new RoomStore(Objects.requireNonNull(db, "db")), power, health, agentVersion, clock);
        sessions.admitThrough(room);
        return room;
    }

    /**
     * Puts a locked PC back in service from the PC itself ({@code digiclub-agent unlock-pc}), for
     * when the club page cannot be reached; a running agent takes it at its next round.
     *
     * @return whether the PC was locked
     */
    public static boolean unlockOnDisk(Database db) throws SQLException {
        RoomStore store = new RoomStore(Objects.requireNonNull(db, "db"));
        boolean was = store.load().locked();
        store.saveLocked(false);
        return was;
    }

    // ---- PcConsole

    @Override
    public PcState state() {
        Instant now = clock.instant();
        try {
            return stateAt(now, sessions.openSession());
        } catch (SQLException e) {
            LOG.error("the room could not read the session ledger", e);
            return new PcState(
                    now, PcMode.OUT_OF_ORDER, null, null, null, HealthStatus.CRIT, false, null, null, agentVersion);
        }
    }

    @Override
    public CommandAck execute(Command command) {
        Objects.requireNonNull(command, "command");
        CommandAck ack;
        try {
            ack = run(command);
        } catch (SessionRefusedException e) {
            ack = answer(command, CommandOutcome.REFUSED, e.getMessage());
        } catch (SQLException e) {
            LOG.error("command {} failed on the database", command.kind(), e);
            ack = answer(command, CommandOutcome.FAILED, "the agent could not use its database");
        } catch (RuntimeException e) {
            LOG.error("command {} failed", command.kind(), e);
            ack = answer(
                    command,
                    CommandOutcome.FAILED,
                    "the agent failed: " + e.getClass().getSimpleName());
        }
        LOG.info("command {} {}: {} ({})", command.id(), command.kind(), ack.outcome(), ack.detail());
        changed();
        return ack;
    }

    @Override
    public void roomChanged(Room changed) {
        Objects.requireNonNull(changed, "room");
        synchronized (lock) {
            // settings only move forward: an old Room (a slow instance) never undoes a change
            ClubSettings settings =
                    changed.settings().version() >= room.settings().version() ? changed.settings() : room.settings();
            room = new Room(settings, changed.waiting(), changed.reservedFor(), changed.reservedUntil());
            try {
                store.saveRoom(room);
            } catch (SQLException e) {
                LOG.error("the club's room could not be kept on disk; it holds until the agent restarts", e);
            }
        }
        changed();
    }

    @Override
    public void onChange(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    // ---- StartGate (under the authority's lock: only this room's lock is taken here)

    @Override
    public Duration admit(VisitorKind kind, Duration allowed, Instant lastEnded) throws SessionRefusedException {
        Instant now = clock.instant();
        synchronized (lock) {
            admittedTicket = null;
            if (locked) {
                throw new SessionRefusedException(ErrorCodes.CLOSED, "staff took this PC out of service");
            }
            OpeningSchedule schedule = schedule();
            if (!schedule.openAt(now)) {
                throw new SessionRefusedException(ErrorCodes.CLOSED, "the club is closed now");
            }
            Integer turn = reservation(now);
            boolean approved = approvedUntil != null && now.isBefore(approvedUntil);
            if (turn == null
                    && !approved
                    && queueWaiting()
                    && lastEnded != null
                    && now.isBefore(lastEnded.plus(reservationTime()))) {
                throw new SessionRefusedException(
                        ErrorCodes.QUEUE_WAITING,
                        "people are waiting: a new session here needs their turn or the mentor's approval");
            }
            admittedTicket = turn;
            Optional<Instant> closing = schedule.closingOf(now);
            if (closing.isPresent() && Duration.between(now, closing.get()).compareTo(allowed) < 0) {
                return Duration.between(now, closing.get());
            }
            return allowed;
        }
    }

    @Override
    public void started(String sessionId, Instant startedAt) {
        synchronized (lock) {
            approvedUntil = null;
            if (admittedTicket != null) {
                servedSession = sessionId;
                servedTicket = admittedTicket;
                admittedTicket = null;
                // the turn is taken: the hold is over here, also after a restart
                room = new Room(room.settings(), room.waiting(), null, null);
                try {
                    store.saveRoom(room);
                } catch (SQLException e) {
                    LOG.error("the end of the hold could not be kept on disk", e);
                }
            }
        }
    }

    // ---- the kiosk's requests

    /** What the kiosk shows over everything now ({@code pc.notices}); nothing in it is secret. */
    public Notices notices() throws SQLException {
        Instant now = clock.instant();
        Optional<SessionRecord> open = sessions.openSession();
        PcState state = stateAt(now, open);
        List<ShownMessage> messages = store.messages();
        synchronized (lock) {
            String openId = open.map(SessionRecord::id).orElse(null);
            return new Notices(
                    state.mode(),
                    messages.isEmpty() ? null : messages.get(0),
                    minutesToClosing(now),
                    state.reservedFor(),
                    queueWaiting(),
                    help.state(now, openId),
                    open.map(s -> grace.offer(s, now, graceRules(now))).orElse(0),
                    open.map(s -> remaining(s, now).toSeconds()).orElse(null));
        }
    }

    /** The visitor read a staff message ({@code notice.ack}); an unknown id changes nothing. */
    public void acknowledge(String messageId) throws SQLException {
        if (store.removeMessage(Objects.requireNonNull(messageId, "messageId"))) {
            LOG.info("staff message {} read by the visitor", messageId);
            changed();
        }
    }

    /** The visitor calls the mentor ({@code help.call}): a second call while one waits is the same call. */
    public HelpState callHelp() throws SQLException {
        Instant now = clock.instant();
        String openId = sessions.openSession().map(SessionRecord::id).orElse(null);
        boolean isNew;
        HelpState answer;
        synchronized (lock) {
            isNew = help.call(now, openId);
            answer = help.state(now, openId);
        }
        if (isNew) {
            LOG.info("the visitor called the mentor");
            changed();
        }
        return answer;
    }

    /**
     * The visitor takes the grace block offered in {@link Notices#graceMinutes()} ({@code
     * session.grace}): once per session their own, plus each block staff allowed.
     *
     * @return the session's time left now
     * @throws SessionRefusedException {@code not_allowed} when no block is offered now, or the
     *                                 authority's refusal for a wrong session or secret
     */
    public Duration takeGrace(String sessionId, String secret) throws SQLException, SessionRefusedException {
        Instant now = clock.instant();
        SessionRecord open = sessions.openSession()
                .filter(s -> s.id().equals(sessionId))
                .orElseThrow(() -> new SessionRefusedException(
                        ErrorCodes.SESSION_AUTH_REQUIRED, "unknown session or wrong secret"));
        GraceBlocks.Taken taken;
        synchronized (lock) {
            GraceBlocks.Club club = graceRules(now);
            if (grace.offer(open, now, club) == 0) {
                throw new SessionRefusedException(ErrorCodes.NOT_ALLOWED, grace.whyNot(open, now, club));
            }
            // taken before the time is given: two requests at once get one block
            taken = grace.take(open, now, club);
        }
        try {
            Duration left = sessions.extendOwn(sessionId, secret, Duration.ofMinutes(taken.minutes()));
            LOG.info(
                    "the visitor took {} minutes of grace ({})",
                    taken.minutes(),
                    taken.own() ? "their own" : "allowed by staff");
            changed();
            return left;
        } catch (SessionRefusedException | SQLException e) {
            synchronized (lock) {
                grace.giveBack(taken);
            }
            throw e;
        }
    }

    /**
     * Staff approve one new session on this PC although people are waiting (APPROVE_SESSION, or
     * the staff panel's {@code session.approve}): it holds for {@link #APPROVAL_LIFETIME}.
     */
    public void approveNextSession() {
        synchronized (lock) {
            approvedUntil = clock.instant().plus(APPROVAL_LIFETIME);
        }
        LOG.info("staff approved the next session on this PC");
    }

    // ---- the schedule

    /**
     * Every second: ends a session at the club's closing, shuts the PC down the configured time
     * after closing (only when that moment passes while the agent runs: a PC switched on late in
     * the evening stays on), runs a restart or shutdown staff asked for, and tells the listeners
     * when the state changed on its own.
     */
    public void tick() {
        Instant now = clock.instant();
        try {
            Optional<SessionRecord> open = sessions.openSession();
            ClubSettings settings;
            Instant previous;
            PendingPower due = null;
            synchronized (lock) {
                // the disk is the lock's truth: unlock-pc at the PC reaches a running agent too (read
                // under the room's lock, which LOCK and UNLOCK write under: never a stale read)
                if (locked && !store.load().locked()) {
                    LOG.info("this PC was put back in service at the PC (unlock-pc)");
                    locked = false;
                }
                settings = room.settings();
                previous = lastTick;
                lastTick = now;
                if (pendingPower != null && !now.isBefore(pendingPower.at())) {
                    due = pendingPower;
                    pendingPower = null;
                }
            }
            OpeningSchedule schedule = schedule(settings);
            if (open.isPresent() && !schedule.openAt(now)) {
                LOG.info("the club closes: the running session ends");
                sessions.endOpen(EndReason.STAFF);
            }
            if (due == null
                    && settings.shutdownAfterMinutes() != null
                    && schedule.passedSinceClosing(Duration.ofMinutes(settings.shutdownAfterMinutes()), previous, now)
                    && !sessions.maintenanceOn()) {
                LOG.info("{} minutes after closing: shutting the PC down", settings.shutdownAfterMinutes());
                due = new PendingPower(Power.SHUTDOWN, now);
            }
            if (due != null) {
                runPower(due.kind());
            }
        } catch (SQLException e) {
            LOG.error("the room's round could not read the session ledger", e);
        }
        PcState state = state();
        boolean differs;
        synchronized (lock) {
            differs = lastTold == null || !sameState(lastTold, state);
        }
        if (differs) {
            changed();
        }
    }

    private void runPower(Power kind) throws SQLException {
        sessions.endOpen(EndReason.STAFF);
        Optional<String> problem = kind == Power.RESTART ? power.restart() : power.shutdown();
        problem.ifPresent(p -> LOG.error("the PC could not be {}: {}", kind.done, p));
    }

    // ---- commands

    private CommandAck run(Command c) throws SQLException, SessionRefusedException {
        Instant now = clock.instant();
        switch (c.kind()) {
            case MESSAGE:
                store.addMessage(c.id().toString(), c.text(), now);
                return answer(c, CommandOutcome.DONE, "shown until the visitor presses OK");
            case EXTEND: {
                Duration left = sessions.extendStarted(c.sessionStarted(), Duration.ofMinutes(c.minutes()));
                return answer(c, CommandOutcome.DONE, "extended: " + minutesUp(left) + " minutes left");
            }
            case END_SESSION:
                sessions.endStarted(c.sessionStarted());
                return answer(c, CommandOutcome.DONE, "session ended and the PC reset");
            case LOCK: {
                boolean was;
                synchronized (lock) {
                    was = locked;
                    // on disk first: a failed write leaves the PC as it was, answered FAILED
                    store.saveLocked(true);
                    locked = true;
                }
                boolean ended = sessions.endOpen(EndReason.STAFF);
                return answer(
                        c,
                        CommandOutcome.DONE,
                        (was ? "already out of service" : "out of service")
                                + (ended ? "; the running session was ended" : ""));
            }
            case UNLOCK: {
                boolean was;
                synchronized (lock) {
                    was = locked;
                    // on disk first: a failed write leaves the PC as it was, answered FAILED
                    store.saveLocked(false);
                    locked = false;
                }
                return answer(c, CommandOutcome.DONE, was ? "back in service" : "was not out of service");
            }
            case MAINTENANCE_START:
                sessions.startMaintenance(Duration.ofMinutes(c.minutes()));
                return answer(c, CommandOutcome.DONE, "unlocked for maintenance for " + c.minutes() + " minutes");
            case MAINTENANCE_END: {
                boolean was = sessions.maintenanceOn();
                sessions.endMaintenance();
                return answer(c, CommandOutcome.DONE, was ? "maintenance ended" : "no maintenance was on");
            }
            case RESTART:
            case SHUTDOWN: {
                Power kind = c.kind() == CommandKind.RESTART ? Power.RESTART : Power.SHUTDOWN;
                // the session ends now, normally; the PC goes down once the answer has left
                boolean ended = sessions.endOpen(EndReason.STAFF);
                synchronized (lock) {
                    pendingPower = new PendingPower(kind, now.plus(POWER_DELAY));
                }
                return answer(
                        c,
                        CommandOutcome.DONE,
                        (ended ? "session ended; " : "") + "the PC " + kind.soon + " in " + POWER_DELAY.toSeconds()
                                + " s");
            }
            case ANSWER_HELP: {
                String openId = sessions.openSession().map(SessionRecord::id).orElse(null);
                synchronized (lock) {
                    return answer(c, CommandOutcome.DONE, help.answer(now, openId));
                }
            }
            case ALLOW_GRACE: {
                SessionRecord open = sessions.openSession()
                        .orElseThrow(
                                () -> new SessionRefusedException(ErrorCodes.SESSION_ENDED, "no session is running"));
                synchronized (lock) {
                    int allowed = grace.allow(open, c.minutes());
                    return answer(
                            c,
                            CommandOutcome.DONE,
                            allowed + " more minutes offered in the session's last " + GraceBlocks.WINDOW.toMinutes()
                                    + " minutes");
                }
            }
            case APPROVE_SESSION:
                approveNextSession();
                return answer(
                        c,
                        CommandOutcome.DONE,
                        "the next session may start within " + APPROVAL_LIFETIME.toMinutes() + " minutes");
            case WAKE:
                return answer(c, CommandOutcome.REFUSED, "this PC cannot wake others: no Wake-on-LAN addresses known");
            default:
                throw new IllegalStateException("unknown command " + c.kind());
        }
    }

    // ---- the state

    private PcState stateAt(Instant now, Optional<SessionRecord> open) {
        HealthReport report = health.get();
        HealthStatus status = report == null ? HealthStatus.UNKNOWN : report.overall();
        boolean maintenance = sessions.maintenanceOn();
        boolean outOfOrder = sessions.lastResetFailed();
        synchronized (lock) {
            String openId = open.map(SessionRecord::id).orElse(null);
            boolean helpCalled = help.state(now, openId) == HelpState.CALLED;
            if (open.isPresent()) {
                SessionRecord s = open.get();
                Integer served = s.id().equals(servedSession) ? servedTicket : null;
                return new PcState(
                        now,
                        PcMode.IN_SESSION,
                        s.kind(),
                        Math.min(24 * 60, minutesUp(remaining(s, now))),
                        Instant.ofEpochSecond(s.startedAt().getEpochSecond()),
                        status,
                        helpCalled,
                        null,
                        served,
                        agentVersion);
            }
            PcMode mode;
            if (maintenance) {
                mode = PcMode.MAINTENANCE;
            } else if (locked) {
                mode = PcMode.LOCKED;
            } else if (outOfOrder) {
                mode = PcMode.OUT_OF_ORDER;
            } else if (!schedule().openAt(now)) {
                mode = PcMode.CLOSED;
            } else {
                mode = PcMode.FREE;
            }
            return new PcState(now, mode, null, null, null, status, helpCalled, reservation(now), null, agentVersion);
        }
    }

    /** Tells every listener, with no lock held, and remembers what they were told. */
    private void changed() {
        PcState now = state();
        synchronized (lock) {
            lastTold = now;
        }
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.error("a listener of the room failed", e);
            }
        }
    }

    private static boolean sameState(PcState a, PcState b) {
        return a.mode() == b.mode()
                && a.visitor() == b.visitor()
                && Objects.equals(a.minutesLeft(), b.minutesLeft())
                && Objects.equals(a.sessionStarted(), b.sessionStarted())
                && a.health() == b.health()
                && a.helpCalled() == b.helpCalled()
                && Objects.equals(a.reservedFor(), b.reservedFor())
                && Objects.equals(a.servedTicket(), b.servedTicket());
    }

    // ---- rules (the lock held)

    private OpeningSchedule schedule() {
        return schedule(room.settings());
    }

    private OpeningSchedule schedule(ClubSettings settings) {
        return new OpeningSchedule(settings.week(), clock.getZone());
    }

    private boolean queueWaiting() {
        return room.settings().queueEnabled() && room.waiting() > 0;
    }

    private Duration reservationTime() {
        return Duration.ofMinutes(room.settings().reservationMinutes());
    }

    /** The number this PC is held for now, by this PC's clock. */
    private Integer reservation(Instant now) {
        if (room.reservedFor() == null || !now.isBefore(room.reservedUntil())) {
            return null;
        }
        return room.reservedFor();
    }

    private Integer minutesToClosing(Instant now) {
        return schedule()
                .closingOf(now)
                .map(closing -> minutesUp(Duration.between(now, closing)))
                .filter(m -> m <= CLOSING_NOTICE_MINUTES)
                .orElse(null);
    }

    private GraceBlocks.Club graceRules(Instant now) {
        return new GraceBlocks.Club(
                room.settings().graceMinutes(), queueWaiting(), schedule().closingOf(now));
    }

    private static Duration remaining(SessionRecord s, Instant now) {
        Duration left = Duration.between(now, s.endsAt());
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static int minutesUp(Duration d) {
        long seconds = d.toSeconds() + (d.toNanosPart() > 0 ? 1 : 0);
        return (int) ((seconds + 59) / 60);
    }

    private static CommandAck answer(Command c, CommandOutcome outcome, String detail) {
        return new CommandAck(c.id(), outcome, Details.of(detail));
    }

    private enum Power {
        RESTART("restarted", "restarts"),
        SHUTDOWN("shut down", "shuts down");

        final String done;
        final String soon;

        Power(String done, String soon) {
            this.done = done;
            this.soon = soon;
        }
    }

    /** A restart or shutdown staff asked for, run at {@code at}. */
    private record PendingPower(Power kind, Instant at) {}
}
