package bg.digiclub.agent.upload;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The upload at a glance, for {@code agent status}.
 *
 * @param enrolment        this PC's enrolment (no token), empty if never enrolled
 * @param needsReenrolment why the collector refuses this PC's token; empty when all is well
 * @param outbox           what waits in the outbox
 * @param retry            the shared retry state (failures in a row, not before, last success, last error)
 * @param nextUsageUpload  when usage is next sent (a random minute in the window); empty when read
 *                         without the running service
 */
public record UploadStatus(
        Optional<DeviceCredentials> enrolment,
        Optional<String> needsReenrolment,
        OutboxStats outbox,
        UploadState retry,
        Optional<Instant> nextUsageUpload) {
    public UploadStatus {
        Objects.requireNonNull(enrolment, "enrolment");
        Objects.requireNonNull(needsReenrolment, "needsReenrolment");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(nextUsageUpload, "nextUsageUpload");
    }

    /**
     * The upload's status read from the database alone, for {@code agent status} in a separate
     * process while (or when not) the service runs.
     */
    public static UploadStatus read(bg.digiclub.agent.store.Database db) throws java.sql.SQLException {
        EnrolmentStore enrolment = new EnrolmentStore(db);
        // Only read from: the limits, guard and clock of this Outbox are never used.
        Outbox outbox = new Outbox(db, OutboxLimits.DEFAULT, (kind, json) -> {}, java.time.Clock.systemUTC());
        return new UploadStatus(
                enrolment.credentials(),
                enrolment.needsReenrolment(),
                outbox.stats(),
                UploadState.load(db),
                Optional.empty());
    }

    /** One line for {@code agent status}: what staff should know. */
    public String summary() {
        if (enrolment.isEmpty()) {
            return "upload: not enrolled (agent enrol, the code on standard input or --enrol-code-file FILE)";
        }
        if (needsReenrolment.isPresent()) {
            return "upload: NEEDS RE-ENROLMENT (" + needsReenrolment.get() + "); " + outbox.waitingTotal()
                    + " batch(es) kept";
        }
        return "upload: " + outbox.waitingTotal() + " batch(es) waiting, " + outbox.quarantined() + " quarantined"
                + retry.lastSuccessAt().map(t -> ", last delivery " + t).orElse(", nothing delivered yet")
                + (retry.consecutiveFailures() > 0
                        ? ", " + retry.consecutiveFailures() + " failure(s) in a row, next try " + retry.notBefore()
                        : "");
    }
}
