package bg.digiclub.agent.upload;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import bg.digiclub.common.batch.BatchKind;

/**
 * What the outbox fixes when it seals a batch, for the payload's envelope.
 *
 * @param batchId   random id, fixed now and sent as {@code Idempotency-Key} on every attempt
 * @param kind      what the batch holds
 * @param sequence  this device's batch number, 1, 2, 3... in sealing order, never reused
 * @param evictions batches of each kind evicted from the outbox since the last sealed batch
 *                  (unsent data the collector will never get; reported so it can say so)
 */
public record SealInfo(UUID batchId, BatchKind kind, long sequence, Map<BatchKind, Long> evictions) {
    public SealInfo {
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(kind, "kind");
        evictions = Map.copyOf(evictions);
    }

    /** Evictions of {@code k} reported with this batch (0 when none). */
    public long evicted(BatchKind k) {
        return evictions.getOrDefault(k, 0L);
    }
}
