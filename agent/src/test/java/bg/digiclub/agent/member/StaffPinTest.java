package bg.digiclub.agent.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.agent.session.MutableClock;
import bg.digiclub.agent.store.Database;

class StaffPinTest {
    @TempDir
    Path dir;
    Database db;
    MutableClock clock = MutableClock.clubMorning();
    StaffPin staff;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve(Database.FILE_NAME));
        staff = new StaffPin(db, new PinHasher(PinHasher.MIN_ITERATIONS), LockoutPolicy.DEFAULT, clock);
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    @Test
    void noPinSetMeansNoStaffLogin() throws Exception {
        assertFalse(staff.isSet());
        assertEquals(StaffPin.Outcome.NOT_SET, staff.check("123456".toCharArray()).outcome());
    }

    @Test
    void pinIsCheckedAndReplaced() throws Exception {
        staff.set("24681357".toCharArray());
        assertTrue(staff.isSet());
        assertEquals(StaffPin.Outcome.OK, staff.check("24681357".toCharArray()).outcome());
        assertEquals(StaffPin.Outcome.WRONG_PIN, staff.check("24681358".toCharArray()).outcome());
        staff.set("13572468".toCharArray());
        assertEquals(StaffPin.Outcome.WRONG_PIN, staff.check("24681357".toCharArray()).outcome());
        assertEquals(StaffPin.Outcome.OK, staff.check("13572468".toCharArray()).outcome());
    }

    @Test
    void wrongPinsLockStaffLoginUntilTimePassesOrThePinIsSetAgain() throws Exception {
        staff.set("24681357".toCharArray());
        for (int i = 0; i < 4; i++) {
            assertEquals(StaffPin.Outcome.WRONG_PIN, staff.check("000000".toCharArray()).outcome());
        }
        StaffPin.Check fifth = staff.check("000000".toCharArray());
        assertEquals(StaffPin.Outcome.LOCKED, fifth.outcome());
        assertEquals(Duration.ofMinutes(5), fifth.lockedFor());
        assertEquals(StaffPin.Outcome.LOCKED, staff.check("24681357".toCharArray()).outcome());
        clock.advance(Duration.ofMinutes(5));
        assertEquals(StaffPin.Outcome.OK, staff.check("24681357".toCharArray()).outcome());

        for (int i = 0; i < 5; i++) {
            staff.check("000000".toCharArray());
        }
        staff.set("24681357".toCharArray());
        assertEquals(StaffPin.Outcome.OK, staff.check("24681357".toCharArray()).outcome());
    }

    @Test
    void staffPinMustBeSixToTwelveDigits() {
        assertThrows(IllegalArgumentException.class, () -> staff.set("12345".toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> staff.set("1234567890123".toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> staff.set("12345a".toCharArray()));
    }
}
