package bg.digiclub.kiosk.ui;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A one-shot alarm that runs its action on the UI thread once its time has come, set again for
 * each next time. Not a JavaFX {@code Timeline}: while any animation runs, JavaFX wakes for a
 * pulse 60 times a second, so an endless timeline costs CPU every moment the lock screen sits
 * there; an alarm costs nothing until it rings (one shared, parked timer thread).
 *
 * <p>{@link #ringIn}, {@link #cancel} and the action run on the UI thread.
 */
public final class Alarm {
    private static final ScheduledExecutorService TIMER = timer();

    private final Executor ui;
    private final Runnable action;
    private ScheduledFuture<?> pending;
    /** Counts settings: a ring already on its way to the UI thread when the alarm was set again is ignored. */
    private long setting;

    /**
     * @param ui     runs the action (the JavaFX thread: {@code Platform::runLater})
     * @param action what to do when the alarm rings
     */
    public Alarm(Executor ui, Runnable action) {
        this.ui = Objects.requireNonNull(ui, "ui");
        this.action = Objects.requireNonNull(action, "action");
    }

    /** Rings once after {@code delay} (never earlier), instead of any time set before. */
    public void ringIn(Duration delay) {
        cancel();
        long mine = setting;
        pending =
                TIMER.schedule(() -> ui.execute(() -> ring(mine)), Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    }

    /** Does not ring until set again. */
    public void cancel() {
        setting++;
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    /** True while set and not yet rung. */
    public boolean set() {
        return pending != null;
    }

    private void ring(long which) {
        if (which == setting) {
            pending = null;
            action.run();
        }
    }

    private static ScheduledExecutorService timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "kiosk-alarm");
            thread.setDaemon(true);
            return thread;
        });
        // a cancelled alarm leaves the queue at once instead of at its time (up to a minute later)
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
