package bg.digiclub.agent.upload;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import bg.digiclub.common.batch.BatchKind;

/**
 * The outbox at a glance, for {@code agent status}.
 *
 * @param waiting          sendable batches by kind
 * @param quarantined      batches the collector refused, kept for inspection
 * @param totalBytes       payload bytes held
 * @param oldestWaiting    creation time of the oldest sendable batch
 * @param evictedUnreported evictions not yet reported in a sealed batch, by kind
 */
public record OutboxStats(
        Map<BatchKind, Integer> waiting,
        int quarantined,
        long totalBytes,
        Optional<Instant> oldestWaiting,
        Map<BatchKind, Long> evictedUnreported) {
    public OutboxStats {
        waiting = Map.copyOf(waiting);
        evictedUnreported = Map.copyOf(evictedUnreported);
    }

    public int waitingTotal() {
        return waiting.values().stream().mapToInt(Integer::intValue).sum();
    }
}
