package bg.digiclub.kiosk.session;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.EndReason;
import bg.digiclub.common.link.SessionEnd;
import bg.digiclub.common.link.SessionHeartbeat;
import bg.digiclub.common.link.SessionStart;
import bg.digiclub.common.link.VisitorKind;
import bg.digiclub.common.link.WipeStepResult;
import bg.digiclub.kiosk.agentlink.AgentClient;
import bg.digiclub.kiosk.agentlink.AgentUnavailableException;
import bg.digiclub.kiosk.platform.IdleMonitor;
import bg.digiclub.kiosk.platform.SessionProcesses;
import bg.digiclub.kiosk.wipe.PrivacyWipe;

/**
 * The running session and everything that happens to it: countdown, warnings, idle, heartbeats,
 * staff extend/end, and the end of session (close apps, wipe, tell the agent, lock again).
 *
 * <p>Plain Java: {@link #tick()} is called by the view a few times a second and by tests after
 * moving their ticker. Properties change on the thread that calls the commands and on
 * {@code ui}; slow work (ending apps, wiping, agent calls) runs on {@code work}, one task at a
 * time and in order, so the agent hears start, heartbeats and end in that order.
 */
public final class SessionViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(SessionViewModel.class);

    /** Where the session is in its life. */
    public enum State {
        /** No session: the lock screen is up. */
        NONE,
        /** A visitor is using the PC. */
        RUNNING,
        /** Closing apps and wiping; the lock screen says "preparing the computer". */
        ENDING
    }

    private final SessionSettings settings;
    private final AgentClient agent;
    private final IdleMonitor idleMonitor;
    private final SessionProcesses processes;
    private final PrivacyWipe wipe;
    private final LongSupplier nanoTime;
    private final Clock clock;
    private final Supplier<String> newSessionId;
    private final Executor work;
    private final Executor ui;

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.NONE);
    private final ReadOnlyObjectWrapper<Duration> remaining =
            new ReadOnlyObjectWrapper<>(this, "remaining", Duration.ZERO);
    private final ReadOnlyObjectWrapper<SessionWarning> warning = new ReadOnlyObjectWrapper<>(this, "warning");
    private final ReadOnlyObjectWrapper<VisitorKind> visitorKind = new ReadOnlyObjectWrapper<>(this, "visitorKind");
    private final List<Consumer<EndReason>> endListeners = new ArrayList<>();

    private String sessionId;
    private SessionTimer timer;
    private WarningSchedule schedule;
    private long lastHeartbeat;
    private long idleDeadline;
    private long stillHereAt;

    public SessionViewModel(SessionSettings settings, AgentClient agent, IdleMonitor idleMonitor,
                            SessionProcesses processes, PrivacyWipe wipe, LongSupplier nanoTime, Clock clock,
                            Supplier<String> newSessionId, Executor work, Executor ui) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.agent = Objects.requireNonNull(agent, "agent");
        this.idleMonitor = Objects.requireNonNull(idleMonitor, "idleMonitor");
        this.processes = Objects.requireNonNull(processes, "processes");
        this.wipe = Objects.requireNonNull(wipe, "wipe");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.newSessionId = Objects.requireNonNull(newSessionId, "newSessionId");
        this.work = Objects.requireNonNull(work, "work");
        this.ui = Objects.requireNonNull(ui, "ui");
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

    public SessionSettings settings() {
        return settings;
    }

    /** Called with the reason once a session has ended and the wipe is done. */
    public void onEnded(Consumer<EndReason> listener) {
        endListeners.add(listener);
    }

    /** Starts a guest session of the configured length. */
    public void startGuest(Demographics demographics) {
        start(VisitorKind.GUEST, null, demographics, settings.guestLength());
    }

    /** Starts a member session for the time the agent allowed. */
    public void startMember(String cardCode, Demographics demographics, Duration allowed) {
        start(VisitorKind.MEMBER, Objects.requireNonNull(cardCode, "cardCode"), demographics, allowed);
    }

    private void start(VisitorKind kind, String memberCode, Demographics demographics, Duration allowed) {
        if (state.get() != State.NONE) {
            throw new IllegalStateException("a session is already " + state.get());
        }
        sessionId = newSessionId.get();
        timer = new SessionTimer(nanoTime, allowed);
        schedule = new WarningSchedule(settings.warnings(), allowed);
        long now = nanoTime.getAsLong();
        lastHeartbeat = now;
        stillHereAt = now;
        idleDeadline = 0;
        SessionStart start = new SessionStart(sessionId, kind, memberCode, demographics, clock.instant(), allowed);
        work.execute(() -> agent.sessionStarted(start));
        LOG.info("session {} started: {} for {}", sessionId, kind, allowed);
        visitorKind.set(kind);
        remaining.set(allowed);
        warning.set(null);
        state.set(State.RUNNING);
    }

    /** Advances the session to the ticker's present: countdown, warnings, idle, heartbeat, timeout. */
    public void tick() {
        if (state.get() != State.RUNNING) {
            return;
        }
        long now = nanoTime.getAsLong();
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
            SessionHeartbeat heartbeat = new SessionHeartbeat(sessionId, clock.instant(), left);
            work.execute(() -> agent.heartbeat(heartbeat));
        }
    }

    /** @return true if the session ended for idleness */
    private boolean checkIdle(long now) {
        Duration sinceStillHere = Duration.ofNanos(now - stillHereAt);
        // the OS idle time, but never more than the time since "I'm still here" was pressed:
        // the press itself is input, yet a slow or absent idle source must not re-warn at once
        Duration idle = idleMonitor.idleTime().map(os -> os.compareTo(sinceStillHere) < 0 ? os : sinceStillHere)
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

    /** Staff ended the session from the staff panel. */
    public void endByStaff() {
        end(EndReason.STAFF);
    }

    /** Staff gave more time. */
    public void extend(Duration more) {
        if (state.get() != State.RUNNING) {
            throw new IllegalStateException("no session to extend");
        }
        timer.extend(more);
        schedule.rearm(timer.remaining());
        remaining.set(timer.remaining());
        if (warning.get() != null && warning.get().kind() == SessionWarning.Kind.TIME_LEFT) {
            warning.set(null);
        }
        LOG.info("session {} extended by {}", sessionId, more);
    }

    private void end(EndReason reason) {
        if (state.get() != State.RUNNING) {
            return;
        }
        String id = sessionId;
        LOG.info("session {} ending: {}", id, reason);
        state.set(State.ENDING);
        warning.set(null);
        remaining.set(Duration.ZERO);
        work.execute(() -> {
            List<WipeStepResult> results = closeAppsAndWipe();
            agent.sessionEnded(new SessionEnd(id, clock.instant(), reason, results));
            ui.execute(() -> finish(reason));
        });
    }

    private List<WipeStepResult> closeAppsAndWipe() {
        try {
            int ended = processes.endAll(settings.processGrace());
            LOG.info("ended {} session processes", ended);
        } catch (RuntimeException e) {
            // the wipe must still run: a visitor's files matter more than a stuck process
            LOG.error("ending session processes failed", e);
        }
        try {
            List<WipeStepResult> results = wipe.run();
            results.stream().filter(r -> !r.ok()).forEach(r -> LOG.warn("wipe step {} failed: {}", r.step(), r.detail()));
            return results;
        } catch (RuntimeException e) {
            LOG.error("privacy wipe failed", e);
            return List.of(new WipeStepResult("wipe", false, String.valueOf(e)));
        }
    }

    private void finish(EndReason reason) {
        sessionId = null;
        timer = null;
        visitorKind.set(null);
        state.set(State.NONE);
        endListeners.forEach(listener -> listener.accept(reason));
    }

    /**
     * At kiosk start: if the agent still holds a session open (the kiosk died during it), ends it
     * as INTERRUPTED; then wipes. When the agent cannot be asked, wipes anyway: nobody is logged
     * in at start, so a wipe costs nothing but time, while skipping it could leave a visitor's
     * files for the next one.
     */
    public void recoverInterrupted() {
        if (state.get() != State.NONE) {
            throw new IllegalStateException("recovery runs only before any session");
        }
        state.set(State.ENDING);
        work.execute(() -> {
            Optional<String> open;
            try {
                open = agent.openSessionId();
            } catch (AgentUnavailableException e) {
                LOG.warn("cannot ask the agent for an interrupted session, wiping anyway: {}", e.getMessage());
                open = Optional.empty();
            }
            List<WipeStepResult> results = closeAppsAndWipe();
            open.ifPresent(id -> {
                LOG.info("session {} was interrupted; closing it", id);
                agent.sessionEnded(new SessionEnd(id, clock.instant(), EndReason.INTERRUPTED, results));
            });
            ui.execute(() -> state.set(State.NONE));
        });
    }
}
