package bg.digiclub.agent.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.agent.store.AlertStore;
import bg.digiclub.agent.store.Database;
import bg.digiclub.agent.store.RaisedChecks;
import bg.digiclub.common.health.CheckReport;
import bg.digiclub.common.health.HealthReport;
import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.support.secret.SlowHash;
import bg.digiclub.testsupport.TestClock;

class StaffPinRaisedCheckTest {
    @TempDir
    Path dir;

    Database db;
    TestClock clock = TestClock.clubMorning();
    StaffPin staff;
    RaisedChecks check;
    HealthReport sampled;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve(Database.FILE_NAME));
        AlertStore alerts = new AlertStore(db, clock);
        staff = new StaffPin(db, new SlowHash(SlowHash.MIN_ITERATIONS), LockoutPolicy.STAFF, alerts, clock);
        staff.set("24681357".toCharArray());
        check = new RaisedChecks(alerts, Set.of(StaffPin.ALERT_CHECK), clock);
        sampled = new HealthReport(
                HealthStatus.OK,
                clock.instant(),
                List.of(new CheckReport("memory", HealthStatus.OK, "40 % used", clock.instant())));
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    private void wrongRound() throws Exception {
        for (int i = 0; i < 5; i++) {
            staff.check("902718".toCharArray());
        }
    }

    @Test
    void theLockoutIsACheckOfTheCurrentReportUntilStaffGetIn() throws Exception {
        assertSame(sampled, check.addTo(sampled), "nothing to add");
        assertNull(check.addTo(null), "nothing sampled yet stays nothing");

        wrongRound();
        HealthReport report = check.addTo(sampled);
        assertEquals(HealthStatus.WARN, report.overall());
        CheckReport staffPin = report.checks().get(1);
        assertEquals(StaffPin.ALERT_CHECK, staffPin.name());
        assertEquals(HealthStatus.WARN, staffPin.status());
        assertEquals("staff login locked for 1 min after 5 wrong staff PINs in a row", staffPin.value());

        clock.advance(Duration.ofMinutes(1));
        wrongRound();
        clock.advance(Duration.ofMinutes(2));
        wrongRound();
        assertEquals(HealthStatus.CRIT, check.addTo(sampled).overall());

        clock.advance(Duration.ofMinutes(4));
        staff.check("24681357".toCharArray());
        assertSame(sampled, check.addTo(sampled), "a right PIN ends it");
    }
}
