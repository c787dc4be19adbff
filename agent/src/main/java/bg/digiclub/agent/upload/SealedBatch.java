package bg.digiclub.agent.upload;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import bg.digiclub.common.batch.BatchKind;

/**
 * A batch in the outbox.
 *
 * @param payloadGzip      the JSON payload, gzip-compressed, exactly the bytes sent
 * @param attempts         how many times sending it failed in a way worth retrying
 * @param nextAttemptAt    not sent again before this
 * @param quarantineReason the collector's reason for refusing it (400/413/422); empty while sendable
 */
public record SealedBatch(
        UUID batchId,
        BatchKind kind,
        long sequence,
        Instant createdAt,
        byte[] payloadGzip,
        int attempts,
        Instant nextAttemptAt,
        Optional<String> quarantineReason) {
    public SealedBatch {
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(payloadGzip, "payloadGzip");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(quarantineReason, "quarantineReason");
    }

    /** The payload as JSON text (decompressed). */
    public String json() {
        return new String(Gzip.decompress(payloadGzip), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "SealedBatch[" + batchId + " " + kind + " #" + sequence + ", " + payloadGzip.length + " bytes gzip]";
    }
}
