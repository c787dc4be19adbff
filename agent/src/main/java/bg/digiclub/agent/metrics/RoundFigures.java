package bg.digiclub.agent.metrics;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

import bg.digiclub.common.health.HealthReport;

/**
 * What one health round's textfile tells.
 *
 * @param report      the round's health report (statuses, and the values as facts)
 * @param cpuPercent  the processor's load in the round's sample; empty when the round had no fresh sample
 * @param upload      the outbox and the last delivery; empty when no collector is configured
 * @param sessionOpen whether a visitor's session is open on the PC
 * @param writtenAt   when the round ended
 */
public record RoundFigures(
        HealthReport report,
        OptionalDouble cpuPercent,
        Optional<UploadFigures> upload,
        boolean sessionOpen,
        Instant writtenAt) {
    public RoundFigures {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(cpuPercent, "cpuPercent");
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
