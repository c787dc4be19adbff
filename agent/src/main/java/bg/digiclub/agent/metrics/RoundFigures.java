package bg.digiclub.agent.metrics;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import bg.digiclub.agent.health.HealthRound;

/**
 * What one health round's textfile tells.
 *
 * @param round       the round's health report (statuses) and its sample (the values); no values when the round
 *                    had no fresh sample
 * @param upload      the outbox and the last delivery; empty when no collector is configured
 * @param sessionOpen whether a visitor's session is open on the PC
 * @param writtenAt   when the round ended
 */
public record RoundFigures(HealthRound round, Optional<UploadFigures> upload, boolean sessionOpen, Instant writtenAt) {
    public RoundFigures {
        Objects.requireNonNull(round, "round");
        Objects.requireNonNull(upload, "upload");
        Objects.requireNonNull(writtenAt, "writtenAt");
    }

    /**
     * @param outboxBatches batches waiting to be sent
     * @param lastSuccess   when the collector last took a delivery; empty if never
     */
    public record UploadFigures(int outboxBatches, Optional<Instant> lastSuccess) {
        public UploadFigures {
            Objects.requireNonNull(lastSuccess, "lastSuccess");
        }
    }
}
