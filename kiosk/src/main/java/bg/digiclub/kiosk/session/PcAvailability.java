package bg.digiclub.kiosk.session;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.common.link.WipeStepResult;
import bg.digiclub.common.link.wire.ErrorCodes;
import bg.digiclub.kiosk.agentlink.AgentClient;
import bg.digiclub.kiosk.agentlink.AgentUnavailableException;
import bg.digiclub.kiosk.agentlink.PcStatus;
import bg.digiclub.kiosk.i18n.Message;

/**
 * Whether a visitor may start a session on this PC, as the lock screen shows it: a notice when
 * the agent refused a start or cannot be reached, and "out of order" (only staff go in) while the
 * last visitor's data could not be removed or there is no agent to start a session at all. While
 * out of order, and while a session a killed kiosk left open is still held by the agent, it asks
 * the agent again every heartbeat interval.
 *
 * <p>Plain Java like {@link SessionViewModel}, which owns it: properties change on the thread
 * that calls it and on {@code ui}; agent calls run on {@code work}.
 */
final class PcAvailability {
    private static final Logger LOG = LoggerFactory.getLogger(PcAvailability.class);
    /** How often a restarted kiosk asks whether the agent still holds its predecessor's session. */
    static final Duration WAITING_INTERVAL = Duration.ofSeconds(2);

    private final AgentClient agent;
    private final LongSupplier nanoTime;
    private final Duration interval;
    private final Executor work;
    private final Executor ui;
    private final ReadOnlyObjectWrapper<Message> notice = new ReadOnlyObjectWrapper<>(this, "notice");
    private final ReadOnlyBooleanWrapper outOfOrder = new ReadOnlyBooleanWrapper(this, "outOfOrder", false);

    /** Told once, on the UI thread, when the PC is free after a kiosk restart (or the agent cannot say). */
    private Runnable whenFree;

    private boolean asking;
    private long lastAsked;

    PcAvailability(AgentClient agent, LongSupplier nanoTime, Duration interval, Executor work, Executor ui) {
        this.agent = Objects.requireNonNull(agent, "agent");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.work = Objects.requireNonNull(work, "work");
        this.ui = Objects.requireNonNull(ui, "ui");
    }

    ReadOnlyObjectProperty<Message> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty outOfOrderProperty() {
        return outOfOrder.getReadOnlyProperty();
    }

    /** A session started: whatever was wrong is not any more. */
    void sessionStarted() {
        outOfOrder.set(false);
        notice.set(null);
    }

    /** The agent refused a start with {@code code}, or could not be reached ({@code unavailable}). */
    void startRefused(String code) {
        if (ErrorCodes.OUT_OF_ORDER.equals(code)) {
            outOfOrder.set(true);
        }
        notice.set(Message.of(
                switch (code) {
                    case ErrorCodes.OUT_OF_ORDER -> "lock.notice.outOfOrder";
                    case ErrorCodes.BUSY -> "lock.notice.busy";
                    case ErrorCodes.MEMBER_AUTH_REQUIRED -> "lock.notice.loginAgain";
                    case ErrorCodes.QUEUE_WAITING -> "lock.notice.queueWaiting";
                    case ErrorCodes.CLOSED -> "lock.notice.closed";
                    case ErrorCodes.NOT_ALLOWED -> "lock.notice.notAllowed";
                    default -> "lock.notice.unavailable";
                }));
    }

    /** The session is over; {@code reset} is the agent's reset, null when the agent ended it on its own. */
    void sessionEnded(List<WipeStepResult> reset) {
        boolean ok = reset == null || (!reset.isEmpty() && reset.stream().allMatch(WipeStepResult::ok));
        if (reset != null) {
            reset.stream()
                    .filter(r -> !r.ok())
                    .forEach(r -> LOG.error("reset step {} failed: {}", r.step(), r.detail()));
        }
        outOfOrder.set(!ok);
        notice.set(ok ? null : Message.of("lock.notice.outOfOrder"));
    }

    /** The agent cannot be reached when it must be (to end a session): nobody else may start one. */
    void agentAway() {
        outOfOrder.set(true);
        notice.set(Message.of("lock.notice.unavailable"));
    }

    /**
     * At kiosk start: waits until the agent holds no session this kiosk lost, then runs
     * {@code free} on the UI thread (also when the agent cannot be reached: then out of order).
     */
    void awaitFree(Runnable free) {
        whenFree = Objects.requireNonNull(free, "free");
        lastAsked = nanoTime.getAsLong();
        ask();
    }

    /**
     * Asks the agent again while waiting for it (every {@link #WAITING_INTERVAL}: the agent ends a
     * dead kiosk's session at once, the lock screen should not stay "preparing" a heartbeat
     * longer) or while out of order (every interval).
     */
    void tick() {
        long now = nanoTime.getAsLong();
        if ((whenFree != null || outOfOrder.get()) && !asking && now - lastAsked >= every()) {
            lastAsked = now;
            ask();
        }
    }

    /**
     * How long {@link #tick()} may wait: until the next question is due while waiting for the
     * agent or out of order (a second when it is overdue: the last question is still out, and its
     * answer may leave things as they are); empty when there is nothing to ask.
     */
    Optional<Duration> untilNextTick() {
        if (whenFree == null && !outOfOrder.get()) {
            return Optional.empty();
        }
        return Optional.of(SessionViewModel.dueIn(lastAsked + every() - nanoTime.getAsLong()));
    }

    private long every() {
        return whenFree != null ? Math.min(WAITING_INTERVAL.toNanos(), interval.toNanos()) : interval.toNanos();
    }

    private void ask() {
        asking = true;
        work.execute(() -> {
            try {
                PcStatus status = agent.pcStatus();
                ui.execute(() -> follow(status));
            } catch (AgentUnavailableException e) {
                LOG.warn("cannot ask the agent about this PC: {}", e.getMessage());
                ui.execute(() -> {
                    asking = false;
                    agentAway();
                    free();
                });
            }
        });
    }

    private void follow(PcStatus status) {
        asking = false;
        outOfOrder.set(status.outOfOrder());
        notice.set(status.outOfOrder() ? Message.of("lock.notice.outOfOrder") : null);
        if (whenFree != null && status.sessionOpen()) {
            LOG.info(
                    "the agent still holds the session of the previous kiosk; asking again in {} s",
                    Math.min(WAITING_INTERVAL.toSeconds(), interval.toSeconds()));
        } else {
            free();
        }
    }

    private void free() {
        Runnable free = whenFree;
        whenFree = null;
        if (free != null) {
            free.run();
        }
    }
}
