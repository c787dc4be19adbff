package bg.digiclub.agent.upload;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one round of sending did.
 *
 * @param sent        batches the collector now has (2xx)
 * @param quarantined batches the collector refused for good in this round
 * @param outcome     why the round ended
 * @param retryAt     for {@link Outcome#RETRY_LATER} and {@link Outcome#BACKING_OFF}: not before this
 * @param detail      the last error, if any, for logs and {@code agent upload --now}
 */
public record UploadRound(int sent, int quarantined, Outcome outcome, Optional<Instant> retryAt, String detail) {
    public UploadRound {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(retryAt, "retryAt");
        Objects.requireNonNull(detail, "detail");
    }

    /** Why a round ended. */
    public enum Outcome {
        /** Nothing due is left in the outbox. */
        DONE,
        /** The round's batch limit was reached; more are waiting. */
        MORE_WAITING,
        /** A network error, 408, 429 or 5xx: everything kept, retried after the backoff. */
        RETRY_LATER,
        /** An earlier failure's backoff has not run out yet; nothing was sent. */
        BACKING_OFF,
        /** 401/403: the token is refused; nothing is sent until the PC is enrolled again. */
        NEEDS_REENROLMENT,
        /** The PC has never been enrolled (or no collector is configured). */
        NOT_ENROLLED
    }

    static UploadRound stopped(Outcome outcome, String detail) {
        return new UploadRound(0, 0, outcome, Optional.empty(), detail);
    }
}
