package bg.digiclub.collector.store;

import bg.digiclub.common.batch.BatchReceipt;

/** What happened to a batch handed to {@link BatchStore}. */
public sealed interface StoreOutcome {
    /** Stored now. */
    record Stored(BatchReceipt receipt) implements StoreOutcome {}

    /** Stored earlier with the same content: the stored answer again. */
    record Replayed(BatchReceipt receipt) implements StoreOutcome {}

    /** The batch id is stored with different content. */
    record Conflict(String message) implements StoreOutcome {}

    /** A device-hour or device-day in it is stored from another batch. */
    record AlreadyReported(String message) implements StoreOutcome {}

    /** A new batch whose sequence is not above every sequence stored for its device and kind. */
    record SequenceNotIncreasing(String message) implements StoreOutcome {}
}
