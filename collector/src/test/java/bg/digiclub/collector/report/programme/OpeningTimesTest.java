package bg.digiclub.collector.report.programme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import bg.digiclub.common.live.OpeningHours;

/** Openings over the day Sofia's clocks skip 03:00–04:00 (Sunday 29 March 2026). */
class OpeningTimesTest {
    private static final ZoneId SOFIA = ZoneId.of("Europe/Sofia");
    private static final LocalDate SPRING_FORWARD = LocalDate.of(2026, 3, 29);

    private static long openSeconds(LocalTime opens, LocalTime closes) {
        List<OpeningHours> week = List.of(new OpeningHours(DayOfWeek.SUNDAY, opens, closes));
        return OpeningTimes.of(week, SOFIA, SPRING_FORWARD, SPRING_FORWARD).seconds();
    }

    @Test
    void anOpeningInsideTheGapThatClosesWithinTheHourIsNoTime() {
        assertEquals(0, openSeconds(LocalTime.of(3, 30), LocalTime.of(4, 0)));
        assertEquals(0, openSeconds(LocalTime.of(3, 30), LocalTime.of(4, 15)));
    }

    @Test
    void aSkippedOpeningTimeMovesLaterByTheGap() {
        // 03:30 is read as 04:30, so 03:30-05:00 is open half an hour
        assertEquals(30 * 60, openSeconds(LocalTime.of(3, 30), LocalTime.of(5, 0)));
        // 02:00-05:00 is two hours that day
        assertEquals(2 * 3600, openSeconds(LocalTime.of(2, 0), LocalTime.of(5, 0)));
    }
}
