package bg.digiclub.agent.upload;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.agent.store.Database;
import bg.digiclub.agent.store.RaisedChecks;
import bg.digiclub.common.batch.BatchKind;
import bg.digiclub.common.health.HealthStatus;

/**
 * Runs the upload in the agent's service loop: {@link #tick()} (called every few seconds by the
 * agent's {@code run} loop) seals what has become complete, keeps the outbox in its bounds, and
 * sends what is due: health every slot, usage once a day at a random minute of the window (or
 * within the first hour after start-up when the PC was off during the window), and retries when
 * a backoff has run out. {@link #uploadNow()} is {@code agent upload --now}.
 *
 * <p>Not thread-safe: call {@link #tick()} and {@link #uploadNow()} from one thread.
 */
public final class UploadService {
    /**
     * The check raised (WARN) while the upload contract refuses a batch the agent tries to seal:
     * the statistics are stuck on this PC until the agent is fixed, and staff and the collector's
     * health view should see that. OK again once batches are sealed.
     */
    public static final String CONTRACT_CHECK = "upload-batch";

    private static final Logger LOG = LoggerFactory.getLogger(UploadService.class);

    private final Outbox outbox;
    private final EnrolmentStore enrolment;
    private final Database db;
    private final Uploader uploader;
    private final BatchSource source;
    private final UploadSchedule schedule;
    private final Clock clock;
    private final Optional<PendingEnrolment> pendingEnrolment;
    private final RaisedChecks raised;
    private Sealing lastSealing = Sealing.NOT_YET;
    /** Kinds whose scheduled time has come and which still have batches to send. */
    private final Set<BatchKind> released = EnumSet.noneOf(BatchKind.class);

    private Instant nextHealth;
    private Instant nextUsage;
    private boolean startupChecked;

    /** @param raised where {@link #CONTRACT_CHECK} is raised; it must know that check */
    public UploadService(
            Outbox outbox,
            EnrolmentStore enrolment,
            Database db,
            Uploader uploader,
            BatchSource source,
            UploadSchedule schedule,
            Clock clock,
            RaisedChecks raised) {
        this(outbox, enrolment, db, uploader, source, schedule, clock, Optional.empty(), raised);
    }

    /**
     * @param pendingEnrolment an enrolment the install left to the agent, tried first at every tick
     * @param raised           where {@link #CONTRACT_CHECK} is raised; it must know that check
     */
    public UploadService(
            Outbox outbox,
            EnrolmentStore enrolment,
            Database db,
            Uploader uploader,
            BatchSource source,
            UploadSchedule schedule,
            Clock clock,
            Optional<PendingEnrolment> pendingEnrolment,
            RaisedChecks raised) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.enrolment = Objects.requireNonNull(enrolment, "enrolment");
        this.db = Objects.requireNonNull(db, "db");
        this.uploader = Objects.requireNonNull(uploader, "uploader");
        this.source = Objects.requireNonNull(source, "source");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pendingEnrolment = Objects.requireNonNull(pendingEnrolment, "pendingEnrolment");
        this.raised = Objects.requireNonNull(raised, "raised");
        Instant now = clock.instant();
        this.nextHealth = now;
        this.nextUsage = schedule.nextUsageUpload(now, clock.getZone());
    }

    /**
     * Club PCs are often off at night, in the window. If usage is waiting after the first sealing
     * since start-up, a window was missed: send it at a random minute of the first hour instead of
     * waiting for tomorrow's window (still spread, so a club's PCs do not call together).
     */
    private void catchUpMissedWindow(Instant now) throws SQLException {
        startupChecked = true;
        if (outbox.stats().waiting().getOrDefault(BatchKind.USAGE, 0) > 0) {
            Instant soon = schedule.catchUpUpload(now);
            if (soon.isBefore(nextUsage)) {
                nextUsage = soon;
                LOG.info("usage is waiting from before this start; sending it at {}", soon);
            }
        }
    }

    /**
     * One step of the service loop. Never throws for upload trouble (that is retried); a
     * database error is logged and the next tick tries again.
     */
    public void tick() {
        try {
            if (pendingEnrolment.isPresent()) {
                pendingEnrolment.get().tick();
            }
            sealAndBound();
            Instant now = clock.instant();
            if (!startupChecked) {
                catchUpMissedWindow(now);
            }
            if (!now.isBefore(nextHealth)) {
                released.add(BatchKind.HEALTH);
                nextHealth = schedule.nextHealthSlot(now);
            }
            if (!now.isBefore(nextUsage)) {
                released.add(BatchKind.USAGE);
                nextUsage = schedule.nextUsageUpload(now, clock.getZone());
                LOG.debug("usage upload due; the next one at {}", nextUsage);
            }
            if (released.isEmpty()) {
                return;
            }
            UploadRound round = uploader.send(released, false);
            if (round.outcome() == UploadRound.Outcome.DONE) {
                released.clear();
            }
        } catch (SQLException | RuntimeException e) {
            LOG.error("upload tick failed; trying again at the next tick", e);
        }
    }

    /**
     * {@code agent upload --now}: seals what is complete and sends everything waiting, ignoring
     * the schedule and any backoff (not a 401/403), until the outbox is empty or a round stops.
     */
    public UploadRound uploadNow() throws SQLException {
        sealAndBound();
        int sent = 0;
        int quarantined = 0;
        while (true) {
            UploadRound round = uploader.send(EnumSet.allOf(BatchKind.class), true);
            sent += round.sent();
            quarantined += round.quarantined();
            if (round.outcome() != UploadRound.Outcome.MORE_WAITING) {
                if (round.outcome() == UploadRound.Outcome.DONE) {
                    released.clear();
                }
                return new UploadRound(sent, quarantined, round.outcome(), round.retryAt(), round.detail());
            }
        }
    }

    public UploadStatus status() throws SQLException {
        return new UploadStatus(
                enrolment.credentials(),
                enrolment.needsReenrolment(),
                outbox.stats(),
                UploadState.load(db),
                java.util.Optional.of(nextUsage));
    }

    private void sealAndBound() throws SQLException {
        try {
            int sealed = source.sealDue();
            if (sealed > 0) {
                LOG.debug("sealed {} batch(es)", sealed);
            }
            if (lastSealing != Sealing.ACCEPTED) {
                // also after a restart: a check left open by the last run closes once batches seal
                lastSealing = Sealing.ACCEPTED;
                raised.raise(CONTRACT_CHECK, HealthStatus.OK, "batches are sealed again");
            }
        } catch (BatchRejected e) {
            // Its data stays in the stores and is sealed again at every round: nothing is lost, but
            // nothing of that kind moves until the agent is fixed. Logged once, raised as a check.
            if (lastSealing != Sealing.REFUSED) {
                LOG.error(
                        "a batch was NOT sealed: {}; its data stays on this PC until a batch is accepted",
                        e.getMessage());
            }
            lastSealing = Sealing.REFUSED;
            raised.raise(CONTRACT_CHECK, HealthStatus.WARN, e.getMessage());
        } catch (PrivacyViolation e) {
            // Never upload it; stay visibly stuck instead (docs/privacy.md).
            LOG.error("a batch was NOT sealed because it failed the privacy check: {}", e.getMessage());
        }
        outbox.enforceLimits();
    }

    /** What the contract said to the last sealing, to log a refusal once and close its check once. */
    private enum Sealing {
        NOT_YET,
        ACCEPTED,
        REFUSED
    }
}
