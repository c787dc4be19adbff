package bg.digiclub.common.batch;

import java.time.Instant;
import java.util.UUID;

/**
 * The collector's 200 answer to a batch: it is stored. A repeated delivery of the same batch
 * gets the same receipt again (with the header {@code Idempotent-Replayed: true}).
 *
 * @param batchId    the batch stored
 * @param sequence   its sequence number
 * @param receivedAt when the collector first stored it
 */
public record BatchReceipt(UUID batchId, long sequence, Instant receivedAt) {
    public BatchReceipt {
        Require.present(batchId, "batchId");
        Require.present(receivedAt, "receivedAt");
    }
}
