package bg.digiclub.kiosk.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.EndReason;
import bg.digiclub.common.link.VisitorKind;
import bg.digiclub.common.link.WipeStepResult;
import bg.digiclub.common.link.wire.ErrorCodes;
import bg.digiclub.kiosk.agentlink.AgentClient;
import bg.digiclub.kiosk.agentlink.AgentRefusedException;
import bg.digiclub.kiosk.agentlink.AgentUnavailableException;
import bg.digiclub.kiosk.i18n.Message;
import bg.digiclub.kiosk.platform.IdleMonitor;
import bg.digiclub.kiosk.ui.Countdown;

/**
 * The running session as the kiosk shows it: countdown, warnings, idle, heartbeats, staff
 * extend/end, and the end of session. The agent is the authority: it starts the session (by its
 * own clock), answers each heartbeat with the time left (the countdown follows it), ends the
 * visitor's programs and resets the home at the end, and ends the session itself if this kiosk
 * goes silent. If the reset fails, or the agent cannot be reached to do it, the lock screen shows
 * the PC as out of order and no session starts until a reset succeeds.
 *
 * <p>Plain Java: {@link #tick()} is called by the view when {@link #untilNextTick()} says (while
 * a session runs, each time the countdown shows another second) and by tests after moving their
 * ticker. Properties change on the thread that calls the commands and on
 * {@code ui}; agent calls run on {@code work}, one at a time and in order.
 */
public final class SessionViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(SessionViewModel.class);
    /** The kiosk follows the agent's countdown only when they differ by more than this (no jitter). */
    private static final Duration DRIFT = Duration.ofSeconds(2);
    /** How long to wait before looking again at a question already due (its answer is still out). */
    private static final Duration OVERDUE_WAIT = Duration.ofSeconds(1);

    /** Where the session is in its life. */
    public enum State {
        /** No session: the lock screen is up. */
        NONE,
        /** The agent is asked to start a session; the lock screen says "preparing the computer". */
        STARTING,
        /** A visitor is using the PC. */
        RUNNING,
        /** The agent is ending the visitor's programs and resetting the home; "preparing the computer". */
        ENDING
    }

    private final SessionSettings settings;
    private final AgentClient agent;
    private final IdleMonitor idleMonitor;
    private final LongSupplier nanoTime;
    private final Executor work;
    private final Executor ui;

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.NONE);
    private final ReadOnlyObjectWrapper<Duration> remaining =
            new ReadOnlyObjectWrapper<>(this, "remaining", Duration.ZERO);
    private final ReadOnlyObjectWrapper<SessionWarning> warning = new ReadOnlyObjectWrapper<>(this, "warning");
    private final ReadOnlyObjectWrapper<VisitorKind> visitorKind = new ReadOnlyObjectWrapper<>(this, "visitorKind");
    private final ReadOnlyBooleanWrapper hint = new ReadOnlyBooleanWrapper(this, "hint");
    private final List<Consumer<EndReason>> endListeners = new ArrayList<>();
    private final PcAvailability availability;

    private SessionTimer timer;
    private WarningSchedule schedule;
    private long lastHeartbeat;
    private long idleDeadline;
    private long stillHereAt;
    /** While ENDING: the end still to be confirmed by the agent (null when the agent ended it). */
    private EndReason pendingEnd;

    private long lastEndAttempt;
    private boolean endInFlight;

    public SessionViewModel(
            SessionSettings settings,
            AgentClient agent,
            IdleMonitor idleMonitor,
            LongSupplier nanoTime,
            Executor work,
            Executor ui) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.agent = Objects.requireNonNull(agent, "agent");
        this.idleMonitor = Objects.requireNonNull(idleMonitor, "idleMonitor");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.work = Objects.requireNonNull(work, "work");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.availability = new PcAvailability(agent, nanoTime, settings.heartbeatInterval(), work, ui);
        // a warning drawn over everything takes the hint's place: two notes, two "Разбрах", confuse
        warning.addListener((obs, old, now) -> {
            if (now != null) {
                hint.set(false);
            }
        });
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Time left in the running session; zero when there is none. */
    public ReadOnlyObjectProperty<Duration> remainingProperty() {
        return remaining.getReadOnlyProperty();
    }

    /** The warning to draw over everything, or null. */
    public ReadOnlyObjectProperty<SessionWarning> warningProperty() {
        return warning.getReadOnlyProperty();
    }

    /** Guest or member, while a session runs; null otherwise. */
    public ReadOnlyObjectProperty<VisitorKind> visitorKindProperty() {
        return visitorKind.getReadOnlyProperty();
    }

    /**
     * True from the start of a session until the visitor closes the first-session hint (where the
     * programs are, where the time is, how to end) or opens the programs, or a warning comes up;
     * false without a session.
     */
    public ReadOnlyBooleanProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    /** The visitor closed the first-session hint, or found the programs without it. */
    public void closeHint() {
        hint.set(false);
    }

    /** Why the lock screen cannot start a session just now (out of order, busy, no agent), or null. */
    public ReadOnlyObjectProperty<Message> noticeProperty() {
        return availability.noticeProperty();
    }

    /**
     * True while the last visitor's programs or home could not be removed, or there is no agent:
     * the lock screen shows the PC as out of order and lets only staff in (the agent refuses a
     * session too) until the agent says the PC is in order again.
     */
    public ReadOnlyBooleanProperty outOfOrderProperty() {
        return availability.outOfOrderProperty();
    }

    public SessionSettings settings() {
        return settings;
    }

    /** Called with the reason once a session has ended and the reset is done. */
    public void onEnded(Consumer<EndReason> listener) {
        endListeners.add(listener);
    }

    /** Starts a guest session of the configured length. */
    public void startGuest(Demographics demographics) {
        start(VisitorKind.GUEST, null, demographics, settings.guestLength());
    }

    /** Starts a member session for the time the agent allowed at login. */
    public void startMember(String cardCode, Demographics demographics, Duration allowed) {
        start(VisitorKind.MEMBER, Objects.requireNonNull(cardCode, "cardCode"), demographics, allowed);
    }

    private void start(VisitorKind kind, String cardCode, Demographics demographics, Duration allowed) {
        if (state.get() != State.NONE) {
            throw new IllegalStateException("a session is already " + state.get());
        }
        state.set(State.STARTING);
        work.execute(() -> {
            try {
                Duration granted = agent.startSession(kind, cardCode, demographics, allowed);
                ui.execute(() -> begin(kind, granted));
            } catch (AgentRefusedException e) {
                LOG.warn("the agent refused a {} session: {} ({})", kind, e.getMessage(), e.code());
                ui.execute(() -> refused(e.code()));
            } catch (AgentUnavailableException e) {
                LOG.warn("cannot start a session: {}", e.getMessage());
                ui.execute(() -> refused(ErrorCodes.UNAVAILABLE));
            }
        });
    }

    private void begin(VisitorKind kind, Duration granted) {
        timer = new SessionTimer(nanoTime, granted);
        schedule = new WarningSchedule(settings.warnings(), granted);
        long now = nanoTime.getAsLong();
        lastHeartbeat = now;
        stillHereAt = now;
        idleDeadline = 0;
        availability.sessionStarted();
        visitorKind.set(kind);
        remaining.set(granted);
        warning.set(null);
        hint.set(true);
        state.set(State.RUNNING);
        LOG.info("session started: {} for {}", kind, granted);
    }

    private void refused(String code) {
        availability.startRefused(code);
        state.set(State.NONE);
    }

    /** Advances the session to the ticker's present: countdown, warnings, idle, heartbeat, timeout. */
    public void tick() {
        long now = nanoTime.getAsLong();
        if (state.get() == State.ENDING) {
            retryEnd(now);
        }
        if (state.get() != State.RUNNING) {
            availability.tick();
            return;
        }
        Duration left = timer.remaining();
        remaining.set(left);
        if (left.isZero()) {
            end(EndReason.TIMEOUT);
            return;
        }
        if (checkIdle(now)) {
            return;
        }
        Optional<Duration> crossed = schedule.check(left);
        if (crossed.isPresent() && !isIdleWarning()) {
            warning.set(new SessionWarning(SessionWarning.Kind.TIME_LEFT, crossed.get()));
        }
        if (now - lastHeartbeat >= settings.heartbeatInterval().toNanos()) {
            lastHeartbeat = now;
            work.execute(this::heartbeat);
        }
    }

    /**
     * How long {@link #tick()} may wait without a figure on screen going stale or an agent call
     * going late: while a session runs, until the countdown (or the idle warning's) shows another
     * second, which also keeps the idle check and heartbeats to the second; while an end waits
     * for the agent, or the lock screen for the PC to be free or in order, until the next
     * question is due. Empty when nothing is due by the clock (no session and nothing to ask;
     * a session starting: the agent's answer comes as an event).
     */
    public Optional<Duration> untilNextTick() {
        return switch (state.get()) {
            case RUNNING ->
                Optional.of(
                        isIdleWarning()
                                ? min(Countdown.untilChange(timer.remaining()), Countdown.untilChange(idleGraceLeft()))
                                : Countdown.untilChange(timer.remaining()));
            case ENDING ->
                pendingEnd == null
                        ? availability.untilNextTick()
                        : Optional.of(dueIn(
                                lastEndAttempt + settings.heartbeatInterval().toNanos() - nanoTime.getAsLong()));
            case STARTING -> Optional.empty();
            case NONE -> availability.untilNextTick();
        };
    }

    /** The wait until something due in {@code nanos}; a second when it is overdue (an answer is still out). */
    static Duration dueIn(long nanos) {
        return nanos > 0 ? Duration.ofNanos(nanos) : OVERDUE_WAIT;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private void heartbeat() {
        try {
            Duration left = agent.heartbeat();
            ui.execute(() -> follow(left));
        } catch (AgentRefusedException e) {
            if (ErrorCodes.SESSION_ENDED.equals(e.code()) || ErrorCodes.SESSION_AUTH_REQUIRED.equals(e.code())) {
                LOG.warn("the agent has ended this session: {}", e.getMessage());
                ui.execute(this::endedByAgent);
            } else {
                LOG.warn("heartbeat refused: {} ({})", e.getMessage(), e.code());
            }
        } catch (AgentUnavailableException e) {
            // the agent is restarting; it gives the session two heartbeats before it ends it
            LOG.warn("heartbeat not delivered: {}", e.getMessage());
        }
    }

    /** The agent's clock decides the time left. */
    private void follow(Duration agentLeft) {
        if (state.get() != State.RUNNING) {
            return;
        }
        Duration diff = timer.remaining().minus(agentLeft).abs();
        if (diff.compareTo(DRIFT) > 0) {
            LOG.info("countdown follows the agent: {} left", agentLeft);
            timer.syncTo(agentLeft);
            schedule.rearm(timer.remaining());
            remaining.set(timer.remaining());
        }
    }

    /**
     * The agent told the time left outside a heartbeat (its notices, a grace block): the
     * countdown follows at once, so that a remote extension shows within seconds; a time-left
     * warning the new time has left behind goes.
     */
    public void followAgent(Duration agentLeft) {
        follow(Objects.requireNonNull(agentLeft, "agentLeft"));
        SessionWarning shown = warning.get();
        if (state.get() == State.RUNNING
                && shown != null
                && shown.kind() == SessionWarning.Kind.TIME_LEFT
                && timer.remaining().compareTo(shown.left()) > 0) {
            warning.set(null);
        }
    }

    /**
     * Sends a heartbeat now rather than at its time: the agent's notices say the session is over
     * (staff ended it, the club closed), and the heartbeat's answer ends it here.
     */
    public void checkWithAgent() {
        if (state.get() == State.RUNNING) {
            lastHeartbeat = nanoTime.getAsLong();
            work.execute(this::heartbeat);
        }
    }

    /** @return true if the session ended for idleness */
    private boolean checkIdle(long now) {
        Duration sinceStillHere = Duration.ofNanos(now - stillHereAt);
        // the OS idle time, but never more than the time since "I'm still here" was pressed:
        // the press itself is input, yet a slow or absent idle source must not re-warn at once
        Duration idle = idleMonitor
                .idleTime()
                .map(os -> os.compareTo(sinceStillHere) < 0 ? os : sinceStillHere)
                .orElse(Duration.ZERO);
        boolean idleNow = idle.compareTo(settings.idleTimeout()) >= 0;
        if (isIdleWarning()) {
            if (!idleNow) {
                warning.set(null);
            } else if (now - idleDeadline >= 0) {
                end(EndReason.IDLE);
                return true;
            }
        } else if (idleNow) {
            idleDeadline = now + settings.idleGrace().toNanos();
            warning.set(new SessionWarning(SessionWarning.Kind.IDLE, settings.idleGrace()));
        }
        return false;
    }

    private boolean isIdleWarning() {
        return warning.get() != null && warning.get().kind() == SessionWarning.Kind.IDLE;
    }

    /** Time left before an idle warning ends the session; zero when there is none. */
    public Duration idleGraceLeft() {
        if (!isIdleWarning()) {
            return Duration.ZERO;
        }
        long left = idleDeadline - nanoTime.getAsLong();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    /** The visitor answered the idle warning. */
    public void stillHere() {
        stillHereAt = nanoTime.getAsLong();
        if (isIdleWarning()) {
            warning.set(null);
        }
    }

    /** The visitor closed a time-left warning. */
    public void dismissWarning() {
        if (warning.get() != null && warning.get().kind() == SessionWarning.Kind.TIME_LEFT) {
            warning.set(null);
        }
    }

    /** The visitor pressed "End session". */
    public void endByVisitor() {
        end(EndReason.LOGOUT);
    }

    /** Staff ended the session from the staff panel (the agent checks the staff token). */
    public void endByStaff() {
        end(EndReason.STAFF);
    }

    /**
     * Staff gave more time: asked of the agent, which checks the staff token; the countdown
     * follows the agent's answer.
     *
     * @param done told on the UI thread: null if the agent agreed, else why not
     */
    public void extend(Duration more, Consumer<AgentUnavailableException> done) {
        if (state.get() != State.RUNNING) {
            throw new IllegalStateException("no session to extend");
        }
        work.execute(() -> {
            try {
                Duration left = agent.extendSession(more);
                ui.execute(() -> {
                    if (state.get() == State.RUNNING) {
                        timer.syncTo(left);
                        schedule.rearm(timer.remaining());
                        remaining.set(timer.remaining());
                        if (warning.get() != null && warning.get().kind() == SessionWarning.Kind.TIME_LEFT) {
                            warning.set(null);
                        }
                    }
                    LOG.info("session extended by {}: {} left", more, left);
                    done.accept(null);
                });
            } catch (AgentUnavailableException e) {
                ui.execute(() -> done.accept(e));
            }
        });
    }

    private void end(EndReason reason) {
        if (state.get() != State.RUNNING) {
            return;
        }
        LOG.info("session ending: {}", reason);
        state.set(State.ENDING);
        warning.set(null);
        hint.set(false);
        remaining.set(Duration.ZERO);
        pendingEnd = reason;
        sendEnd(nanoTime.getAsLong());
    }

    /** While the agent cannot be reached to end the session, it is asked again every heartbeat interval. */
    private void retryEnd(long now) {
        if (pendingEnd != null
                && !endInFlight
                && now - lastEndAttempt >= settings.heartbeatInterval().toNanos()) {
            sendEnd(now);
        }
    }

    private void sendEnd(long now) {
        EndReason reason = pendingEnd;
        lastEndAttempt = now;
        endInFlight = true;
        work.execute(() -> {
            try {
                List<WipeStepResult> reset = agent.endSession(reason);
                ui.execute(() -> finish(reason, reset));
            } catch (AgentRefusedException e) {
                if (reason == EndReason.STAFF && ErrorCodes.STAFF_AUTH_REQUIRED.equals(e.code())) {
                    // the staff login lapsed between the press and now: the visitor may end a session anyway
                    LOG.warn("staff token expired; ending the session as a logout");
                    ui.execute(() -> {
                        endInFlight = false;
                        pendingEnd = EndReason.LOGOUT;
                        sendEnd(nanoTime.getAsLong());
                    });
                } else {
                    // the agent ended it already (its watchdog): it reset the visitor itself
                    LOG.warn("the agent refused the end ({}): {}", e.code(), e.getMessage());
                    ui.execute(() -> finish(reason, List.of()));
                }
            } catch (AgentUnavailableException e) {
                LOG.error(
                        "cannot reach the agent to end the session; the PC stays closed until it answers: {}",
                        e.getMessage());
                ui.execute(() -> {
                    endInFlight = false;
                    availability.agentAway();
                });
            }
        });
    }

    /** A heartbeat learned that the agent ended this session (its time ran out, or this kiosk was stopped). */
    private void endedByAgent() {
        if (state.get() == State.RUNNING) {
            warning.set(null);
            hint.set(false);
            remaining.set(Duration.ZERO);
            finish(EndReason.INTERRUPTED, null);
        }
    }

    /** @param reset the agent's reset steps; null when the agent ended the session and reset on its own */
    private void finish(EndReason reason, List<WipeStepResult> reset) {
        endInFlight = false;
        pendingEnd = null;
        availability.sessionEnded(reset);
        timer = null;
        visitorKind.set(null);
        state.set(State.NONE);
        endListeners.forEach(listener -> listener.accept(reason));
    }

    /**
     * At kiosk start: a session this kiosk lost (it was killed and restarted) is still open at the
     * agent until the agent's watchdog ends it; meanwhile the lock screen says "preparing". When
     * the agent cannot be reached, or says the PC is out of order, the lock screen says so and
     * lets only staff in until the agent answers otherwise.
     */
    public void recoverInterrupted() {
        if (state.get() != State.NONE) {
            throw new IllegalStateException("recovery runs only before any session");
        }
        state.set(State.ENDING);
        pendingEnd = null;
        availability.awaitFree(() -> state.set(State.NONE));
    }
}
