package bg.digiclub.common.batch;

/**
 * Batches the agent dropped from its outbox (bounded by age and size) since the last batch the
 * collector acknowledged with 2xx. Reported in the next batch sealed, so the municipality can
 * see that numbers are incomplete and by how much. Counts only, never content.
 *
 * @param usageBatches  usage batches evicted
 * @param healthBatches health batches evicted
 */
public record Evictions(int usageBatches, int healthBatches) {
    public static final Evictions NONE = new Evictions(0, 0);

    public Evictions {
        Require.range(usageBatches, 0, BatchLimits.MAX_COUNT, "evictions.usageBatches");
        Require.range(healthBatches, 0, BatchLimits.MAX_COUNT, "evictions.healthBatches");
    }
}
