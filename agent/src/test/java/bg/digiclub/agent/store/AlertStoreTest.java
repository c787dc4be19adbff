package bg.digiclub.agent.store;

import static bg.digiclub.common.health.HealthStatus.CRIT;
import static bg.digiclub.common.health.HealthStatus.OK;
import static bg.digiclub.common.health.HealthStatus.UNKNOWN;
import static bg.digiclub.common.health.HealthStatus.WARN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.agent.health.StatusChange;
import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.testsupport.TestClock;

class AlertStoreTest {
    private static final Instant T0 = Instant.parse("2026-05-04T08:00:00Z");

    @TempDir
    Path dir;

    private Database db;
    private TestClock clock;
    private AlertStore alerts;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve(Database.FILE_NAME));
        clock = new TestClock(T0);
        alerts = new AlertStore(db, clock);
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    private Optional<AlertEvent> change(String check, HealthStatus from, HealthStatus to, int minute, String detail)
            throws Exception {
        return alerts.record(new StatusChange(check, from, to, T0.plus(Duration.ofMinutes(minute)), detail));
    }

    @Test
    void warnThenCritThenOkGivesTwoClosedEvents() throws Exception {
        AlertEvent warn = change("disk:/", OK, WARN, 0, "9 % free").orElseThrow();
        assertTrue(warn.isOpen());
        assertEquals(WARN, warn.status());
        AlertEvent crit = change("disk:/", WARN, CRIT, 10, "4 % free").orElseThrow();
        assertEquals(Optional.empty(), change("disk:/", CRIT, OK, 25, "30 % free"));

        assertEquals(List.of(), alerts.open());
        List<AlertEvent> recent = alerts.recent(10);
        assertEquals(
                List.of(
                        new AlertEvent(
                                crit.id(),
                                "disk:/",
                                CRIT,
                                T0.plus(Duration.ofMinutes(10)),
                                T0.plus(Duration.ofMinutes(25)),
                                "4 % free"),
                        new AlertEvent(warn.id(), "disk:/", WARN, T0, T0.plus(Duration.ofMinutes(10)), "9 % free")),
                recent);
    }

    @Test
    void changeToOkOpensNoEvent() throws Exception {
        assertEquals(Optional.empty(), change("cpu-temperature", UNKNOWN, OK, 0, "45 °C"));
        assertEquals(List.of(), alerts.recent(10));
    }

    @Test
    void sameStatusAgainKeepsTheOpenEvent() throws Exception {
        AlertEvent first = change("uptime", OK, WARN, 0, "15 days").orElseThrow();
        // As after an agent restart: the check starts from UNKNOWN and reports WARN again.
        AlertEvent again = change("uptime", UNKNOWN, WARN, 60, "15 days").orElseThrow();
        assertEquals(first, again);
        assertEquals(1, alerts.recent(10).size());
    }

    @Test
    void checksAreIndependentAndOpenListsNewestFirst() throws Exception {
        change("disk:/", OK, WARN, 0, "9 % free");
        change(StatusChange.OVERALL, OK, WARN, 0, "disk:/ WARN");
        change("battery", OK, CRIT, 5, "health 40 %");
        change(StatusChange.OVERALL, WARN, CRIT, 5, "battery CRIT");
        change("disk:/", WARN, OK, 7, "12 % free");

        List<AlertEvent> open = alerts.open();
        // Both started at minute 5; the later recorded comes first.
        assertEquals(
                List.of("overall", "battery"),
                open.stream().map(AlertEvent::check).toList());
        assertTrue(open.stream().allMatch(e -> e.status() == CRIT));
        assertEquals(2, alerts.recent(2).size());
        assertEquals(0, alerts.recent(0).size());
        assertThrows(IllegalArgumentException.class, () -> alerts.recent(-1));
    }

    @Test
    void changeDatedBeforeTheEventStartEndsItAtItsStart() throws Exception {
        change("memory", OK, WARN, 30, "95 %");
        change("memory", WARN, OK, 10, "50 %"); // the clock was set back
        AlertEvent e = alerts.recent(1).get(0);
        assertEquals(e.startedAt(), e.ended().orElseThrow());
    }

    @Test
    void duringListsEventsOpenAtSomeTimeInThePeriod() throws Exception {
        change("disk:/", OK, WARN, 0, "9 % free");
        change("disk:/", WARN, OK, 60, "20 % free");
        change("battery", OK, WARN, 0, "on battery");
        clock.set(T0.plus(Duration.ofDays(3)));
        List<AlertEvent> lastDay = alerts.during(Duration.ofDays(1));
        assertEquals(List.of("battery"), lastDay.stream().map(AlertEvent::check).toList());
        assertEquals(2, alerts.during(Duration.ofDays(3)).size());
        assertFalse(lastDay.get(0).ended().isPresent());
    }
}
