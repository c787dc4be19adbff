package bg.digiclub.agent.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import bg.digiclub.common.live.OpeningHours;
import bg.digiclub.testsupport.TestClock;

class OpeningScheduleTest {
    /** 2026-11-25 is a Wednesday; Sofia is UTC+2 in winter. */
    private static Instant sofia(String localWednesdayTime) {
        return Instant.parse("2026-11-25T" + localWednesdayTime + ":00Z").minusSeconds(2 * 3600);
    }

    private static OpeningHours wed(String opens, String closes) {
        return new OpeningHours(DayOfWeek.WEDNESDAY, LocalTime.parse(opens), LocalTime.parse(closes));
    }

    @Test
    void touchingOpeningsAreOneAndAGapClosesTheClub() {
        OpeningSchedule s = new OpeningSchedule(
                List.of(wed("10:00", "13:00"), wed("13:00", "15:00"), wed("16:00", "18:00")), TestClock.SOFIA);
        assertFalse(s.openAt(sofia("09:59")));
        assertTrue(s.openAt(sofia("10:00")));
        assertEquals(Optional.of(sofia("15:00")), s.closingOf(sofia("12:59")), "13:00 is no closing");
        assertFalse(s.openAt(sofia("15:30")));
        assertEquals(Optional.of(sofia("15:00")), s.lastClosing(sofia("15:30")));
        assertEquals(Optional.of(sofia("16:00")), s.nextOpening(sofia("15:30")));
        assertFalse(s.openAt(sofia("18:00")), "closed at the closing minute");
    }

    @Test
    void theNextOpeningMayBeDaysAway() {
        OpeningSchedule s = new OpeningSchedule(
                List.of(new OpeningHours(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 0))), TestClock.SOFIA);
        assertEquals(Optional.of(Instant.parse("2026-11-30T07:00:00Z")), s.nextOpening(sofia("12:00")));
        assertEquals(Optional.of(Instant.parse("2026-11-23T10:00:00Z")), s.lastClosing(sofia("12:00")));
    }

    @Test
    void noScheduleIsAlwaysOpen() {
        OpeningSchedule s = new OpeningSchedule(List.of(), TestClock.SOFIA);
        assertTrue(s.openAt(sofia("03:00")));
        assertEquals(Optional.empty(), s.closingOf(sofia("03:00")));
        assertEquals(Optional.empty(), s.lastClosing(sofia("03:00")));
    }
}
