package bg.digiclub.common.batch;

/** What a batch carries; exactly the matching payload field of {@link Batch} is set. */
public enum BatchKind {
    /** Hourly and daily usage aggregates, sent once a day. */
    USAGE,
    /** Health snapshots every 15 minutes and daily health summaries. */
    HEALTH
}
