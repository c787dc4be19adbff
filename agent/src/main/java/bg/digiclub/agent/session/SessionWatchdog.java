package bg.digiclub.agent.session;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link SessionAuthority#sweep()} on its own thread every few seconds, so a session whose
 * kiosk was killed or stopped is ended (and the visitor reset) even while a slow health round
 * holds the agent's main schedule; and at once when {@link #nudge() nudged} (a connection of the
 * kiosk ended: if the kiosk died, its session ends now, not heartbeats later).
 */
public final class SessionWatchdog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SessionWatchdog.class);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

    private final SessionAuthority sessions;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "session-watchdog");
        t.setDaemon(true);
        return t;
    });

    /** Starts sweeping every half heartbeat interval, at most every 5 s. */
    public static SessionWatchdog start(SessionAuthority sessions, Duration heartbeatInterval) {
        Objects.requireNonNull(sessions, "sessions");
        Duration half = heartbeatInterval.dividedBy(2);
        long every = Math.max(100, Math.min(half.toMillis(), LONGEST_PAUSE.toMillis()));
        SessionWatchdog watchdog = new SessionWatchdog(sessions);
        watchdog.thread.scheduleWithFixedDelay(watchdog::sweep, every, every, TimeUnit.MILLISECONDS);
        return watchdog;
    }

    private SessionWatchdog(SessionAuthority sessions) {
        this.sessions = sessions;
    }

    /** A sweep now, on the watchdog's thread (the caller does not wait for it). */
    public void nudge() {
        try {
            thread.execute(this::sweep);
        } catch (RejectedExecutionException e) {
            LOG.debug("session watchdog closed; nudge ignored");
        }
    }

    private void sweep() {
        try {
            sessions.sweep();
        } catch (RuntimeException e) {
            LOG.error("session watchdog round failed", e);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
