package bg.digiclub.collector.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import bg.digiclub.collector.auth.Secrets;
import bg.digiclub.collector.demo.DemoClubs;
import bg.digiclub.collector.testing.TestDatabases;
import bg.digiclub.common.batch.Batch;
import bg.digiclub.common.batch.StrictJson;
import bg.digiclub.testsupport.TestClock;

/**
 * Deliveries that arrive together are stored together, and each still gets its own exact
 * answer: a repeated hour refuses only its own batch, a second delivery of a batch is a replay.
 */
class BatchWriterTest {
    private static final int DEVICES = 40;

    @TempDir
    Path temp;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-25T06:00:00Z"));
    private final ObjectMapper json = StrictJson.mapper();

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void concurrentDeliveriesEachGetTheirOwnAnswer(String kind) throws Exception {
        try (Database db = TestDatabases.open(kind, temp)) {
            ClubStore clubs = new ClubStore(db);
            clubs.saveClub(BatchStoreTest.RODINA, clock.instant());
            clubs.addEnrolmentCode(
                    BatchStoreTest.RODINA.id(),
                    Secrets.hashCode("AAAA-BBBB-CCCC"),
                    clock.instant().plus(Duration.ofDays(1)),
                    DEVICES,
                    clock.instant());
            List<BatchStore.Delivery> deliveries = new ArrayList<>();
            for (int i = 0; i < DEVICES; i++) {
                Enrolled pc = clubs.enrol(
                                Secrets.hashCode("AAAA-BBBB-CCCC"),
                                Secrets.hashToken("t" + i),
                                "0.1.0",
                                null,
                                clock.instant())
                        .orElseThrow();
                DeviceIdentity device = new DeviceIdentity(
                        pc.deviceId(), BatchStoreTest.RODINA.id(), DemoClubs.SOFIA, false, clock.instant());
                deliveries.add(delivery(BatchStoreTest.day(pc.deviceId(), 1, 3), device));
            }
            // the first PC's day again in another batch, and the second PC's batch delivered twice
            BatchStore.Delivery first = deliveries.get(0);
            deliveries.add(delivery(BatchStoreTest.day(first.device().deviceId(), 2, 3), first.device()));
            deliveries.add(deliveries.get(1));

            Map<String, Integer> answers = new TreeMap<>();
            try (BatchWriter writer =
                    new BatchWriter(new BatchStore(db, clock, json), BatchWriter.writersFor(db.dialect()), 16)) {
                ExecutorService senders = Executors.newFixedThreadPool(deliveries.size());
                CountDownLatch start = new CountDownLatch(1);
                List<Future<StoreOutcome>> outcomes = new ArrayList<>();
                for (BatchStore.Delivery delivery : deliveries) {
                    outcomes.add(senders.submit(() -> {
                        start.await();
                        return writer.store(delivery);
                    }));
                }
                start.countDown();
                for (Future<StoreOutcome> outcome : outcomes) {
                    String answer = outcome.get().getClass().getSimpleName();
                    // the first PC's two batches of one day race: whichever is written second is
                    // refused, as a day already reported (sequence 2 second) or as a sequence not
                    // increasing (sequence 1 second); both keep the day counted once
                    answers.merge(answer.equals("SequenceNotIncreasing") ? "AlreadyReported" : answer, 1, Integer::sum);
                }
                senders.shutdown();
            }
            assertEquals(Map.of("Stored", DEVICES, "AlreadyReported", 1, "Replayed", 1), answers);
            assertEquals(DEVICES, BatchStoreTest.count(db, "SELECT COUNT(*) FROM batches"));
            assertEquals(DEVICES * 5L, BatchStoreTest.count(db, "SELECT sessions FROM club_days"));
            assertEquals(
                    DEVICES * 3L, BatchStoreTest.count(db, "SELECT sessions FROM club_hours WHERE hour_of_day = 10"));
            assertEquals(DEVICES, BatchStoreTest.count(db, "SELECT SUM(batches_received) FROM devices"));
        }
    }

    private BatchStore.Delivery delivery(Batch batch, DeviceIdentity device) throws Exception {
        return new BatchStore.Delivery(batch, Secrets.sha256(json.writeValueAsBytes(batch)), device);
    }
}
