package bg.digiclub.agent.service;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.agent.store.Retention;
import bg.digiclub.agent.upload.UploadService;

/**
 * The agent's schedule: a health round every sampling interval and housekeeping (hourly
 * rollups, retention) every few minutes on one thread; the upload service's tick on another. A failing round is logged and the schedule goes on: the service must
 * not stop because the disk was briefly full.
 */
public final class AgentService implements AutoCloseable {
    /** Housekeeping is cheap and idempotent; often enough that an hour is rolled up soon after it ends. */
    static final Duration HOUSEKEEPING_EVERY = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(AgentService.class);

    /** The upload service decides itself what is due; it is asked this often. */
    static final Duration UPLOAD_TICK_EVERY = Duration.ofSeconds(30);

    private final HealthMonitor monitor;
    private final Retention retention;
    private final Optional<UploadService> upload;
    private final Duration interval;
    private final List<AutoCloseable> resources;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "agent-schedule");
        t.setDaemon(false);
        return t;
    });
    /** Uploads wait on the network: their own thread, so that a slow collector never delays a health sample. */
    private final ScheduledExecutorService uploader = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "agent-upload");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param resources closed in reverse order when the service stops (worker, database, lock)
     */
    public AgentService(
            HealthMonitor monitor,
            Retention retention,
            Optional<UploadService> upload,
            Duration interval,
            List<AutoCloseable> resources) {
        this.monitor = Objects.requireNonNull(monitor, "monitor");
        this.retention = Objects.requireNonNull(retention, "retention");
        this.upload = Objects.requireNonNull(upload, "upload");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.resources = new ArrayList<>(resources);
    }

    public void start() {
        scheduler.scheduleWithFixedDelay(this::healthRound, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(
                this::housekeeping,
                HOUSEKEEPING_EVERY.toMillis(),
                HOUSEKEEPING_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
        upload.ifPresent(u -> uploader.scheduleWithFixedDelay(
                () -> uploadTick(u),
                UPLOAD_TICK_EVERY.toMillis(),
                UPLOAD_TICK_EVERY.toMillis(),
                TimeUnit.MILLISECONDS));
        LOG.info("agent started: sampling every {} s", interval.toSeconds());
    }

    private void healthRound() {
        try {
            monitor.runOnce();
        } catch (SQLException | RuntimeException e) {
            LOG.error("health round failed: {}", e.toString(), e);
        }
    }

    private void housekeeping() {
        try {
            Retention.Result r = retention.run();
            if (!r.didNothing()) {
                LOG.info("housekeeping: {}", r);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.error("housekeeping failed: {}", e.toString(), e);
        }
    }

    private void uploadTick(UploadService u) {
        try {
            u.tick();
        } catch (RuntimeException e) {
            LOG.error("upload round failed: {}", e.toString(), e);
        }
    }

    /** Blocks until the service is stopped by {@link #close()} (from a shutdown hook). */
    public void awaitStop() throws InterruptedException {
        while (!scheduler.awaitTermination(1, TimeUnit.DAYS)) {
            // keep waiting
        }
    }

    /** Stops the schedule, lets a running round finish, closes resources. */
    @Override
    public void close() {
        uploader.shutdownNow();
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.warn("closing {}: {}", resources.get(i).getClass().getSimpleName(), e.toString());
            }
        }
        LOG.info("agent stopped");
    }
}
