package bg.digiclub.collector.calendar;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The month key the collector's tables store ({@code club_months.month}, the audit export's month ranges): year
 * * 12 + month - 1, so that consecutive months are consecutive numbers and a range of months is a {@code BETWEEN}.
 * The store writes it, the audit trail recomputes it and the reports read it: one formula, here.
 */
public final class MonthKey {
    private MonthKey() {}

    /** The key of the month a local day falls in. */
    public static long of(LocalDate day) {
        return of(YearMonth.from(day));
    }

    /** The key of the month an epoch day (as the tables store days) falls in. */
    public static long ofEpochDay(long epochDay) {
        return of(LocalDate.ofEpochDay(epochDay));
    }

    public static long of(YearMonth month) {
        return month.getYear() * 12L + month.getMonthValue() - 1;
    }

    /** The month a key stands for. */
    public static YearMonth month(long key) {
        return YearMonth.of((int) Math.floorDiv(key, 12), (int) Math.floorMod(key, 12) + 1);
    }
}
