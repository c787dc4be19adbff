package bg.digiclub.collector.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import bg.digiclub.common.batch.BatchKind;

class IntakeCountersTest {
    @Test
    void aRefusalCountsUnderItsProblemCodeAndAReplayAsTakenAndReplayed() {
        IntakeCounters counters = new IntakeCounters();
        counters.batchRejected("rate-limited");
        counters.batchRejected("rate-limited");
        counters.batchRejected("sequence-not-increasing");
        counters.batchTaken(BatchKind.USAGE, false);
        counters.batchTaken(BatchKind.USAGE, true);
        counters.cardSyncTaken();
        counters.cardSyncRejected("wrong-day");

        assertEquals(2, counters.rejected("rate-limited"));
        assertEquals(1, counters.rejected("sequence-not-increasing"));
        assertEquals(0, counters.rejected("batch-conflict"));
        assertEquals(2, counters.received(BatchKind.USAGE));
        assertEquals(0, counters.received(BatchKind.HEALTH));
        assertEquals(1, counters.replayed());
        assertEquals(1, counters.cardSyncs());
        assertEquals(1, counters.cardSyncsRejected("wrong-day"));
    }

    @Test
    void reasonsBeyondTheCapCountAsOtherSoAScrapeStaysSmall() {
        IntakeCounters counters = new IntakeCounters();
        for (int i = 0; i < IntakeCounters.MAX_REASONS + 10; i++) {
            counters.batchRejected("code-" + i);
        }
        counters.batchRejected("code-0");

        assertEquals(2, counters.rejected("code-0"), "a reason already counted keeps its own series");
        assertEquals(0, counters.rejected("code-" + (IntakeCounters.MAX_REASONS + 5)));
        assertEquals(10, counters.rejected(IntakeCounters.OTHER));
    }
}
