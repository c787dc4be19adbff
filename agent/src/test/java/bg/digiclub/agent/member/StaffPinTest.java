package bg.digiclub.agent.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.agent.store.AlertEvent;
import bg.digiclub.agent.store.AlertStore;
import bg.digiclub.agent.store.Database;
import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.support.secret.SlowHash;
import bg.digiclub.testsupport.TestClock;

class StaffPinTest {
    private static final char[] PIN = "24681357".toCharArray();
    private static final char[] WRONG = "000000".toCharArray();

    @TempDir
    Path dir;

    Database db;
    TestClock clock = TestClock.clubMorning();
    StaffPin staff;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve(Database.FILE_NAME));
        staff = newStaffPin();
    }

    private StaffPin newStaffPin() {
        return new StaffPin(db, new SlowHash(SlowHash.MIN_ITERATIONS), LockoutPolicy.STAFF, clock);
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    /** Four wrong PINs, then the fifth, which locks; returns the fifth's answer. */
    private StaffPin.Check wrongRound() throws Exception {
        for (int i = 0; i < 4; i++) {
            assertEquals(StaffPin.Outcome.WRONG_PIN, staff.check(WRONG).outcome());
        }
        StaffPin.Check fifth = staff.check(WRONG);
        assertEquals(StaffPin.Outcome.LOCKED, fifth.outcome());
        return fifth;
    }

    private List<AlertEvent> staffAlerts() throws Exception {
        return new AlertStore(db, clock)
                .recent(100).stream()
                        .filter(e -> e.check().equals(StaffPin.ALERT_CHECK))
                        .toList();
    }

    @Test
    void noPinSetMeansNoStaffLogin() throws Exception {
        assertFalse(staff.isSet());
        assertEquals(
                StaffPin.Outcome.NOT_SET, staff.check("902718".toCharArray()).outcome());
    }

    @Test
    void pinIsCheckedAndReplaced() throws Exception {
        staff.set(PIN);
        assertTrue(staff.isSet());
        assertEquals(StaffPin.Outcome.OK, staff.check(PIN).outcome());
        assertEquals(
                StaffPin.Outcome.WRONG_PIN,
                staff.check("24681358".toCharArray()).outcome());
        staff.set("13572468".toCharArray());
        assertEquals(StaffPin.Outcome.WRONG_PIN, staff.check(PIN).outcome());
        assertEquals(StaffPin.Outcome.OK, staff.check("13572468".toCharArray()).outcome());
    }

    @Test
    void wrongPinsLockLongerEachRoundAndTheLockSurvivesARestart() throws Exception {
        staff.set(PIN);
        assertEquals(Duration.ofMinutes(1), wrongRound().lockedFor());
        assertEquals(StaffPin.Outcome.LOCKED, staff.check(PIN).outcome(), "the right PIN waits too");
        clock.advance(Duration.ofMinutes(1));
        assertEquals(Duration.ofMinutes(2), wrongRound().lockedFor());
        clock.advance(Duration.ofMinutes(2));
        assertEquals(Duration.ofMinutes(4), wrongRound().lockedFor());

        staff = newStaffPin(); // as after an agent restart: the state is in the database
        clock.advance(Duration.ofMinutes(3));
        StaffPin.Check stillLocked = staff.check(PIN);
        assertEquals(StaffPin.Outcome.LOCKED, stillLocked.outcome());
        assertEquals(Duration.ofMinutes(1), stillLocked.lockedFor());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(Duration.ofMinutes(8), wrongRound().lockedFor(), "the restart forgot no round");

        clock.advance(Duration.ofMinutes(8));
        assertEquals(StaffPin.Outcome.OK, staff.check(PIN).outcome());
        assertEquals(Duration.ofMinutes(1), wrongRound().lockedFor(), "a right PIN starts over");
    }

    @Test
    void eachLockIsAnAlertThatTurnsCritAndEndsWithTheRightPin() throws Exception {
        staff.set(PIN);
        wrongRound();
        List<AlertEvent> alerts = staffAlerts();
        assertEquals(1, alerts.size());
        assertEquals(HealthStatus.WARN, alerts.get(0).status());
        assertTrue(alerts.get(0).isOpen());
        assertTrue(
                alerts.get(0).detail().contains("5 wrong staff PINs"),
                alerts.get(0).detail());

        clock.advance(Duration.ofMinutes(1));
        wrongRound();
        assertEquals(1, staffAlerts().size(), "still the same WARN");
        clock.advance(Duration.ofMinutes(2));
        wrongRound();
        alerts = staffAlerts();
        assertEquals(2, alerts.size());
        assertEquals(HealthStatus.CRIT, alerts.get(0).status(), "the third lock in a row");
        assertFalse(alerts.get(1).isOpen());

        clock.advance(Duration.ofMinutes(4));
        assertEquals(StaffPin.Outcome.OK, staff.check(PIN).outcome());
        assertTrue(staffAlerts().stream().noneMatch(AlertEvent::isOpen));
    }

    @Test
    void theCommandLiftsTheLockWithANewPinOrTheSameOne() throws Exception {
        staff.set(PIN);
        wrongRound();
        staff.set("13572468".toCharArray());
        assertEquals(StaffPin.Outcome.OK, staff.check("13572468".toCharArray()).outcome());
        assertTrue(staffAlerts().stream().noneMatch(AlertEvent::isOpen));

        wrongRound();
        clock.advance(Duration.ofMinutes(1));
        assertEquals(Duration.ofMinutes(2), wrongRound().lockedFor());
        assertTrue(staff.unlock());
        assertEquals(StaffPin.Outcome.OK, staff.check("13572468".toCharArray()).outcome());
        assertTrue(staffAlerts().stream().noneMatch(AlertEvent::isOpen));
        assertEquals(Duration.ofMinutes(1), wrongRound().lockedFor(), "unlocking starts the rounds over");
    }

    @Test
    void unlockWithoutAPinSaysSo() throws Exception {
        assertFalse(staff.unlock());
    }

    @Test
    void staffPinMustBeSixToTwelveDigits() {
        assertThrows(IllegalArgumentException.class, () -> staff.set("12345".toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> staff.set("1234567890123".toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> staff.set("12345a".toCharArray()));
    }

    @Test
    void trivialPinsAndTheDemoPinAreRefused() throws Exception {
        for (String pin : List.of("000000", "123456", "654321", "0123456789", "121212")) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> staff.set(pin.toCharArray()), pin);
            assertTrue(e.getMessage().contains("hard to guess"), e.getMessage());
        }
        char[] demo = TrivialPins.QUICK_START_DEMO_PIN.toCharArray();
        assertThrows(IllegalArgumentException.class, () -> staff.set(demo));
        assertFalse(staff.isSet());
        staff.set(demo, true);
        assertEquals(StaffPin.Outcome.OK, staff.check(demo).outcome());
    }
}
