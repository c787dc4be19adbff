package bg.digiclub.collector.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

class MonthKeyTest {
    @Test
    void aMonthIsYearTimesTwelvePlusItsIndex() {
        assertEquals(2026L * 12 + 10, MonthKey.of(YearMonth.of(2026, 11)));
        assertEquals(2026L * 12, MonthKey.of(LocalDate.of(2026, 1, 31)));
        assertEquals(
                2026L * 12 + 11, MonthKey.ofEpochDay(LocalDate.of(2026, 12, 5).toEpochDay()));
    }

    @Test
    void consecutiveMonthsAreConsecutiveKeysAcrossTheYearsEnd() {
        assertEquals(MonthKey.of(YearMonth.of(2026, 12)) + 1, MonthKey.of(YearMonth.of(2027, 1)));
    }

    @Test
    void aKeyReadsBackAsItsMonth() {
        for (YearMonth month = YearMonth.of(1999, 1);
                month.isBefore(YearMonth.of(2031, 1));
                month = month.plusMonths(1)) {
            assertEquals(month, MonthKey.month(MonthKey.of(month)));
        }
    }
}
