package bg.digiclub.agent.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.agent.health.HealthSample;
import bg.digiclub.agent.health.Metric;
import bg.digiclub.agent.health.StatusChange;
import bg.digiclub.agent.store.HistoryPoint.Resolution;
import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.testsupport.TestClock;

class RetentionTest {
    private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");
    private static final String LOAD = Metric.CPU_LOAD_PCT;

    @TempDir
    Path dir;

    private Database db;
    private TestClock clock;
    private SampleStore store;
    private Retention retention;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve(Database.FILE_NAME));
        clock = new TestClock(T0);
        store = new SampleStore(db, clock);
        retention = new Retention(db, clock);
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    private void append(Instant at, double load) throws Exception {
        store.append(new HealthSample(at, Map.of(LOAD, load, Metric.MEM_USED_PCT, 50.0), List.of(), List.of()));
    }

    private long count(String sql) throws Exception {
        return Long.parseLong(DatabaseTest.query(db, sql).get(0));
    }

    @Test
    void onlyCompletedHoursAreSummarizedAndASecondRunDoesNothing() throws Exception {
        append(T0, 10);
        append(T0.plusSeconds(1800), 30);
        append(T0.plusSeconds(3600), 99); // the current hour, not complete
        clock.set(T0.plusSeconds(3600 + 1200));

        Retention.Result first = retention.run();
        assertEquals(1, first.hoursSummarized());
        assertEquals(0, first.rawRowsDeleted());
        assertTrue(retention.run().didNothing(), "idempotent");
        assertEquals(List.of("2"), DatabaseTest.query(db, "SELECT count(*) FROM sample_hourly"));
        assertEquals(
                List.of("10.0|20.0|30.0|2"),
                DatabaseTest.query(
                        db,
                        "SELECT min || '|' || avg || '|' || max || '|' || count FROM sample_hourly"
                                + " h JOIN metric m ON m.id = h.metric_id WHERE m.name = '" + LOAD + "'"));
    }

    @Test
    void hoursWithoutSamplesAreSkippedNotFilled() throws Exception {
        append(T0, 1);
        append(T0.plus(Duration.ofDays(2)), 2); // the agent was off for two days
        clock.set(T0.plus(Duration.ofDays(2)).plusSeconds(3600));
        assertEquals(2, retention.run().hoursSummarized());
        assertEquals(4, count("SELECT count(*) FROM sample_hourly"));
    }

    @Test
    void rawReadingsAreDeletedAfterSevenDaysButNeverBeforeTheyAreSummarized() throws Exception {
        append(T0, 5);
        append(T0.plusSeconds(30), 7);
        // Retention has not run for 30 days (the agent was stopped): nothing may be lost.
        clock.set(T0.plus(Duration.ofDays(30)));
        Retention.Result r = retention.run();
        assertEquals(1, r.hoursSummarized());
        assertEquals(4, r.rawRowsDeleted());
        assertEquals(0, count("SELECT count(*) FROM sample"));
        assertEquals(
                List.of(new HistoryPoint(LOAD, T0, Resolution.HOURLY, 5, 6, 7, 2)),
                store.history(LOAD, T0, clock.instant()));
    }

    @Test
    void rawReadingsOfTheLastSevenDaysStay() throws Exception {
        append(T0, 5);
        clock.set(T0.plus(Duration.ofDays(7)).plusSeconds(3599));
        retention.run();
        assertEquals(2, count("SELECT count(*) FROM sample"), "the hour 7 days back is kept whole");
        clock.set(T0.plus(Duration.ofDays(7)).plusSeconds(3600));
        retention.run();
        assertEquals(0, count("SELECT count(*) FROM sample"));
    }

    @Test
    void hourlyRowsAreDeletedAfter400Days() throws Exception {
        append(T0, 5);
        append(T0.plus(Duration.ofDays(100)), 6);
        clock.set(T0.plus(Duration.ofDays(400)).plusSeconds(3600));
        Retention.Result r = retention.run();
        assertEquals(2, r.hourlyRowsDeleted(), "the first hour's two metrics");
        assertEquals(
                List.of(new HistoryPoint(LOAD, T0.plus(Duration.ofDays(100)), Resolution.HOURLY, 6, 6, 6, 1)),
                store.history(LOAD, T0, clock.instant()));
    }

    @Test
    void alertEventsAreDeleted400DaysAfterTheyEndedAndOpenOnesNever() throws Exception {
        AlertStore alerts = new AlertStore(db, clock);
        alerts.record(new StatusChange("disk:/", HealthStatus.OK, HealthStatus.WARN, T0, "9 % free"));
        alerts.record(
                new StatusChange("disk:/", HealthStatus.WARN, HealthStatus.OK, T0.plus(Duration.ofDays(1)), "ok"));
        alerts.record(new StatusChange("uptime", HealthStatus.OK, HealthStatus.WARN, T0, "restart recommended"));

        clock.set(T0.plus(Duration.ofDays(400)).plusSeconds(3600));
        assertEquals(0, retention.run().alertEventsDeleted(), "ended 399 days ago");
        clock.set(T0.plus(Duration.ofDays(401)).plusSeconds(3600));
        assertEquals(1, retention.run().alertEventsDeleted());
        assertEquals(
                List.of("uptime"),
                alerts.recent(10).stream().map(AlertEvent::check).toList());
    }

    @Test
    void freedSpaceGoesBackToTheFileSystem() throws Exception {
        for (int i = 0; i < 2 * 2880; i++) {
            store.append(RealisticSamples.sample(i, T0.plusSeconds(30L * i)));
        }
        clock.set(T0.plus(Duration.ofDays(2)));
        retention.run();
        long before = Files.size(db.file());
        clock.set(T0.plus(Duration.ofDays(11)));
        Retention.Result r = retention.run();
        assertEquals(2 * 2880 * 45, r.rawRowsDeleted());
        assertTrue(r.pagesFreed() > 0, r.toString());
        long after = Files.size(db.file());
        assertTrue(after < before / 2, "file " + before + " -> " + after + " bytes");
        assertEquals("ok", db.integrityCheck());
        assertFalse(retention.run().pagesFreed() > 0, "nothing more to give back");
    }

    @Test
    void policyRejectsRetentionShorterThanAnHour() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new RetentionPolicy(Duration.ofMinutes(5), Duration.ofDays(400), Duration.ofDays(400)));
        assertTrue(e.getMessage().contains("raw"), e.getMessage());
    }
}
