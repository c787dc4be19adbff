package bg.digiclub.collector.report.programme;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The calendar periods of one year that member breakdowns are published for, as one family: its 12
 * months, 4 quarters, 2 halves and the year (19 periods), each with the periods it is made of
 * (a quarter's 3 months, a half's 2 quarters, the year's 2 halves). Distinct members are not
 * additive: a reader only knows that a period's count lies between the largest of its parts' and
 * their sum, and {@link MemberPublication} protects every period of the family against that together.
 */
final class YearFamily {
    static final int MONTHS = 12;
    static final int SIZE = 12 + 4 + 2 + 1;

    private final int year;
    private final List<ReportPeriod> periods;

    YearFamily(int year) {
        this.year = year;
        List<ReportPeriod> all = new ArrayList<>(SIZE);
        for (int m = 1; m <= 12; m++) {
            all.add(ReportPeriod.month(YearMonth.of(year, m)));
        }
        for (int q = 1; q <= 4; q++) {
            all.add(ReportPeriod.quarter(year, q));
        }
        all.add(ReportPeriod.halfYear(year, 1));
        all.add(ReportPeriod.halfYear(year, 2));
        all.add(ReportPeriod.year(year));
        this.periods = List.copyOf(all);
    }

    /** The family of the year a calendar period lies in. */
    static YearFamily of(ReportPeriod period) {
        Objects.requireNonNull(period, "period");
        if (!period.isCalendarPeriod()) {
            throw new IllegalArgumentException("a custom period belongs to no calendar family: " + period.name());
        }
        return new YearFamily(period.from().getYear());
    }

    /** The 19 periods: months 0-11, quarters 12-15, halves 16-17, the year 18. */
    List<ReportPeriod> periods() {
        return periods;
    }

    /** The index of a calendar period of this year. */
    int indexOf(ReportPeriod period) {
        int i = periods.indexOf(period);
        if (i < 0) {
            throw new IllegalArgumentException(period.name() + " is not a calendar period of " + year);
        }
        return i;
    }

    /** The periods a period is made of (none for a month). */
    static int[] children(int period) {
        if (period < MONTHS) {
            return new int[0];
        }
        if (period < 16) {
            int q = period - MONTHS;
            return new int[] {3 * q, 3 * q + 1, 3 * q + 2};
        }
        if (period < 18) {
            int h = period - 16;
            return new int[] {MONTHS + 2 * h, MONTHS + 2 * h + 1};
        }
        return new int[] {16, 17};
    }

    /** The period it is a part of, or -1 for the year. */
    static int parent(int period) {
        if (period < MONTHS) {
            return MONTHS + period / 3;
        }
        if (period < 16) {
            return 16 + (period - MONTHS) / 2;
        }
        return period < 18 ? 18 : -1;
    }
}
