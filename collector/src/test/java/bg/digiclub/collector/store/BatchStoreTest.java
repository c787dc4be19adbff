package bg.digiclub.collector.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
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
import bg.digiclub.common.batch.CheckStatus;
import bg.digiclub.common.batch.DayUsage;
import bg.digiclub.common.batch.DemographicCount;
import bg.digiclub.common.batch.Evictions;
import bg.digiclub.common.batch.HealthPayload;
import bg.digiclub.common.batch.HealthSnapshot;
import bg.digiclub.common.batch.HourUsage;
import bg.digiclub.common.batch.StrictJson;
import bg.digiclub.common.batch.UsagePayload;
import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Sex;
import bg.digiclub.testsupport.TestClock;

/** A batch is stored exactly once, with its aggregates, on SQLite and on PostgreSQL. */
class BatchStoreTest {
    static final Club RODINA = new Club("sz-rodina-1860", "НЧ „Родина – 1860“", "Стара Загора", DemoClubs.SOFIA);

    @TempDir
    Path temp;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-25T06:00:00Z"));
    private final ObjectMapper json = StrictJson.mapper();

    private record Fixture(Database db, BatchStore store, DeviceIdentity device) implements AutoCloseable {
        @Override
        public void close() {
            db.close();
        }
    }

    /** Another PC of the same club, enrolled with the fixture's code. */
    private DeviceIdentity another(Fixture f) throws SQLException {
        Enrolled enrolled = new ClubStore(f.db())
                .enrol(Secrets.hashCode("AAAA-BBBB-CCCC"), Secrets.hashToken("t2"), "0.1.0", null, clock.instant())
                .orElseThrow();
        return new DeviceIdentity(enrolled.deviceId(), RODINA.id(), DemoClubs.SOFIA, false, clock.instant());
    }

    private Fixture fixture(String kind) throws SQLException {
        Database db = TestDatabases.open(kind, temp);
        ClubStore clubs = new ClubStore(db);
        clubs.saveClub(RODINA, clock.instant());
        clubs.addEnrolmentCode(
                RODINA.id(),
                Secrets.hashCode("AAAA-BBBB-CCCC"),
                clock.instant().plus(Duration.ofDays(1)),
                5,
                clock.instant());
        Enrolled enrolled = clubs.enrol(
                        Secrets.hashCode("AAAA-BBBB-CCCC"), Secrets.hashToken("t"), "0.1.0", null, clock.instant())
                .orElseThrow();
        return new Fixture(
                db,
                new BatchStore(db, clock, json),
                new DeviceIdentity(enrolled.deviceId(), RODINA.id(), DemoClubs.SOFIA, false, clock.instant()));
    }

    /** One local day (2026-11-24 in Sofia) with sessions at 10:00 and 11:00 local time. */
    static Batch day(UUID deviceId, long sequence, int sessionsAtTen) {
        return day(deviceId, LocalDate.parse("2026-11-24"), sequence, sessionsAtTen);
    }

    /** A health batch of one 15-minute slot of 2026-11-24. */
    static Batch health(UUID deviceId, long sequence) {
        Instant at = Instant.parse("2026-11-24T09:00:00Z");
        return Batch.health(
                UUID.randomUUID(),
                deviceId,
                RODINA.id(),
                "0.1.0",
                "Europe/Sofia",
                at,
                at.plus(Duration.ofMinutes(15)),
                sequence,
                Evictions.NONE,
                new HealthPayload(
                        List.of(new HealthSnapshot(
                                at, HealthStatus.OK, List.of(new CheckStatus("memory", HealthStatus.OK)))),
                        List.of()));
    }

    /** One local day in Sofia (November: UTC+2) with sessions at 10:00 and 11:00 local time. */
    static Batch day(UUID deviceId, LocalDate date, long sequence, int sessionsAtTen) {
        Instant ten = date.atTime(10, 0).atZone(DemoClubs.SOFIA).toInstant();
        List<HourUsage> hours = List.of(
                new HourUsage(ten, sessionsAtTen, sessionsAtTen - 1, 1, 50, 60),
                new HourUsage(ten.plus(Duration.ofHours(1)), 2, 2, 0, 30, 60));
        List<DemographicCount> cells = List.of(
                new DemographicCount(AgeBand.AGE_65_74, Sex.FEMALE, sessionsAtTen),
                new DemographicCount(AgeBand.NOT_DECLARED, Sex.NOT_DECLARED, 2));
        return Batch.usage(
                UUID.randomUUID(),
                deviceId,
                RODINA.id(),
                "0.1.0",
                "Europe/Sofia",
                date.atStartOfDay(DemoClubs.SOFIA).toInstant(),
                date.plusDays(1).atStartOfDay(DemoClubs.SOFIA).toInstant(),
                sequence,
                new Evictions(0, 2),
                new UsagePayload(hours, List.of(new DayUsage(date, cells, 1, List.of()))));
    }

    private String hash(Batch batch) throws Exception {
        return Secrets.sha256(json.writeValueAsBytes(batch));
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void storesOnceAndKeepsTheAggregates(String kind) throws Exception {
        try (Fixture f = fixture(kind)) {
            Batch batch = day(f.device().deviceId(), 1, 3);
            StoreOutcome first = f.store().store(batch, hash(batch), f.device());
            assertInstanceOf(StoreOutcome.Stored.class, first);
            assertEquals(5, clubDay(f.db(), "sessions"));
            assertEquals(80, clubDay(f.db(), "session_minutes"));
            assertEquals(1, clubDay(f.db(), "member_days"));
            assertEquals(3, count(f.db(), "SELECT sessions FROM club_hours WHERE hour_of_day = 10"));
            assertEquals(2, count(f.db(), "SELECT evicted_health FROM devices"));
            assertEquals(3, count(f.db(), "SELECT sessions FROM club_demographics WHERE age_band = 'AGE_65_74'"));
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void sameBatchAgainGetsTheStoredReceiptAndChangesNothing(String kind) throws Exception {
        try (Fixture f = fixture(kind)) {
            Batch batch = day(f.device().deviceId(), 1, 3);
            StoreOutcome.Stored first = (StoreOutcome.Stored) f.store().store(batch, hash(batch), f.device());
            clock.advance(Duration.ofHours(3));
            StoreOutcome again = f.store().store(batch, hash(batch), f.device());
            assertEquals(new StoreOutcome.Replayed(first.receipt()), again);
            assertEquals(5, clubDay(f.db(), "sessions"));
            assertEquals(1, count(f.db(), "SELECT COUNT(*) FROM batches"));
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void sameIdWithOtherContentIsAConflict(String kind) throws Exception {
        try (Fixture f = fixture(kind)) {
            Batch batch = day(f.device().deviceId(), 1, 3);
            f.store().store(batch, hash(batch), f.device());
            Batch changed = new Batch(
                    1,
                    batch.batchId(),
                    batch.deviceId(),
                    batch.clubId(),
                    batch.agentVersion(),
                    batch.timeZone(),
                    batch.periodFrom(),
                    batch.periodTo(),
                    batch.sequence(),
                    batch.evicted(),
                    batch.kind(),
                    day(f.device().deviceId(), 1, 4).usage(),
                    null);
            assertInstanceOf(StoreOutcome.Conflict.class, f.store().store(changed, hash(changed), f.device()));
            assertEquals(5, clubDay(f.db(), "sessions"));
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void anHourReportedByAnotherBatchIsRefusedWhole(String kind) throws Exception {
        try (Fixture f = fixture(kind)) {
            Batch batch = day(f.device().deviceId(), 1, 3);
            f.store().store(batch, hash(batch), f.device());
            Batch overlapping = day(f.device().deviceId(), 2, 3);
            assertInstanceOf(
                    StoreOutcome.AlreadyReported.class, f.store().store(overlapping, hash(overlapping), f.device()));
            assertEquals(5, clubDay(f.db(), "sessions"));
            assertEquals(1, count(f.db(), "SELECT COUNT(*) FROM batches"));
            assertEquals(1, count(f.db(), "SELECT last_sequence FROM devices"));
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void concurrentDeliveriesOfOneBatchStoreItOnce(String kind) throws Exception {
        try (Fixture f = fixture(kind)) {
            Batch batch = day(f.device().deviceId(), 1, 3);
            String hash = hash(batch);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Callable<StoreOutcome>> deliveries = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    deliveries.add(() -> f.store().store(batch, hash, f.device()));
                }
                int stored = 0;
                for (Future<StoreOutcome> outcome : pool.invokeAll(deliveries)) {
                    StoreOutcome o = outcome.get();
                    assertTrue(o instanceof StoreOutcome.Stored || o instanceof StoreOutcome.Replayed, o.toString());
                    stored += o instanceof StoreOutcome.Stored ? 1 : 0;
                }
                assertEquals(1, stored);
            } finally {
                pool.shutdownNow();
            }
            assertEquals(5, clubDay(f.db(), "sessions"));
            assertEquals(1, count(f.db(), "SELECT batches_received FROM devices"));
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void aGroupIsStoredInOneTransactionWithTheSameSumsAndAnAnswerPerDelivery(String kind) throws Exception {
        try (Fixture f = fixture(kind)) {
            DeviceIdentity second = another(f);
            Batch first = day(f.device().deviceId(), 1, 3);
            Batch other = day(second.deviceId(), 1, 4);
            List<StoreOutcome> outcomes = f.store()
                    .storeTogether(List.of(
                            new BatchStore.Delivery(first, hash(first), f.device()),
                            new BatchStore.Delivery(other, hash(other), second),
                            new BatchStore.Delivery(first, hash(first), f.device())));
            StoreOutcome.Stored stored = assertInstanceOf(StoreOutcome.Stored.class, outcomes.get(0));
            assertInstanceOf(StoreOutcome.Stored.class, outcomes.get(1));
            assertEquals(new StoreOutcome.Replayed(stored.receipt()), outcomes.get(2));
            // the two PCs' sums meet in the club's rows: 5 + 6 sessions, one member each
            assertEquals(11, clubDay(f.db(), "sessions"));
            assertEquals(2, clubDay(f.db(), "member_days"));
            assertEquals(7, count(f.db(), "SELECT sessions FROM club_hours WHERE hour_of_day = 10"));
            assertEquals(7, count(f.db(), "SELECT sessions FROM club_demographics WHERE age_band = 'AGE_65_74'"));
            assertEquals(11, count(f.db(), "SELECT sessions FROM club_months"));
            assertEquals(2, count(f.db(), "SELECT COUNT(*) FROM batches"));
            assertEquals(2, count(f.db(), "SELECT SUM(batches_received) FROM devices"));
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void aGroupWithAnHourReportedBeforeIsNotStoredAtAll(String kind) throws Exception {
        try (Fixture f = fixture(kind)) {
            DeviceIdentity second = another(f);
            Batch reported = day(f.device().deviceId(), 1, 3);
            f.store().store(reported, hash(reported), f.device());
            Batch good = day(second.deviceId(), 1, 4);
            Batch overlapping = day(f.device().deviceId(), 2, 3);
            assertThrows(
                    BatchStore.AlreadyReported.class,
                    () -> f.store()
                            .storeTogether(List.of(
                                    new BatchStore.Delivery(good, hash(good), second),
                                    new BatchStore.Delivery(overlapping, hash(overlapping), f.device()))));
            assertEquals(5, clubDay(f.db(), "sessions"));
            assertEquals(1, count(f.db(), "SELECT COUNT(*) FROM batches"));
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void aRepeatedOrFallingSequenceOfAKindIsRefusedAndAReplayIsStillAnswered(String kind) throws Exception {
        try (Fixture f = fixture(kind)) {
            UUID pc = f.device().deviceId();
            Batch fifth = day(pc, LocalDate.parse("2026-11-20"), 5, 3);
            assertInstanceOf(StoreOutcome.Stored.class, f.store().store(fifth, hash(fifth), f.device()));
            Batch repeated = day(pc, LocalDate.parse("2026-11-21"), 5, 3);
            StoreOutcome.SequenceNotIncreasing same = assertInstanceOf(
                    StoreOutcome.SequenceNotIncreasing.class, f.store().store(repeated, hash(repeated), f.device()));
            assertTrue(same.message().contains("sequence 5 of this USAGE batch is the same as 5"), same.message());
            Batch falling = day(pc, LocalDate.parse("2026-11-22"), 4, 3);
            StoreOutcome.SequenceNotIncreasing below = assertInstanceOf(
                    StoreOutcome.SequenceNotIncreasing.class, f.store().store(falling, hash(falling), f.device()));
            assertTrue(below.message().contains("is below 5"), below.message());
            assertEquals(1, count(f.db(), "SELECT COUNT(*) FROM batches"));
            assertEquals(5, count(f.db(), "SELECT SUM(sessions) FROM club_days"));

            // health has its own order: the agent sends it while older usage waits for the night
            Batch health = health(pc, 3);
            assertInstanceOf(StoreOutcome.Stored.class, f.store().store(health, hash(health), f.device()));
            Batch sixth = day(pc, LocalDate.parse("2026-11-23"), 6, 3);
            assertInstanceOf(StoreOutcome.Stored.class, f.store().store(sixth, hash(sixth), f.device()));
            // exactly once is untouched: the fifth batch again is its stored answer, not a refusal
            assertInstanceOf(StoreOutcome.Replayed.class, f.store().store(fifth, hash(fifth), f.device()));
            assertEquals(6, count(f.db(), "SELECT last_usage_sequence FROM devices WHERE id = '" + pc + "'"));
            assertEquals(3, count(f.db(), "SELECT last_health_sequence FROM devices WHERE id = '" + pc + "'"));
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void aGroupWithAFallingSequenceIsNotStoredAtAll(String kind) throws Exception {
        try (Fixture f = fixture(kind)) {
            DeviceIdentity second = another(f);
            Batch good = day(second.deviceId(), 1, 4);
            Batch later = day(f.device().deviceId(), LocalDate.parse("2026-11-21"), 7, 3);
            Batch earlier = day(f.device().deviceId(), LocalDate.parse("2026-11-20"), 6, 3);
            assertThrows(
                    BatchStore.SequenceRefused.class,
                    () -> f.store()
                            .storeTogether(List.of(
                                    new BatchStore.Delivery(good, hash(good), second),
                                    new BatchStore.Delivery(later, hash(later), f.device()),
                                    new BatchStore.Delivery(earlier, hash(earlier), f.device()))));
            assertEquals(0, count(f.db(), "SELECT COUNT(*) FROM batches"));
            assertEquals(0, count(f.db(), "SELECT MAX(last_usage_sequence) FROM devices"));
        }
    }

    private static long clubDay(Database db, String column) throws SQLException {
        return count(
                db,
                "SELECT " + column + " FROM club_days WHERE day = "
                        + LocalDate.parse("2026-11-24").toEpochDay());
    }

    static long count(Database db, String sql) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(sql);
                    ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : -1L;
            }
        });
    }
}
