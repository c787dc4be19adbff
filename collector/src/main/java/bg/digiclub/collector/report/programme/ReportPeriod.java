package bg.digiclub.collector.report.programme;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A programme report's period: whole calendar months, both ends included. Reports are made of
 * months so that every published figure of a period is a sum of the months' published figures
 * (docs/collector.md, "Programme report"): that is what keeps overlapping periods from revealing a
 * suppressed cell.
 *
 * @param from the first month
 * @param to   the last month
 * @param kind how the period was named (a quarter stays a quarter when shown)
 */
public record ReportPeriod(YearMonth from, YearMonth to, Kind kind) {
    /** The longest report: five years, the programme's sustainability period. */
    public static final int MAX_MONTHS = 60;

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern HALF = Pattern.compile("(\\d{4})-H([12])");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern CUSTOM = Pattern.compile("(\\d{4}-\\d{2})\\.\\.(\\d{4}-\\d{2})");

    /** How the period was named. */
    public enum Kind {
        MONTH,
        QUARTER,
        HALF_YEAR,
        YEAR,
        /** Any range of whole months. */
        CUSTOM
    }

    public ReportPeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(kind, "kind");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends (" + to + ") before it starts (" + from + ")");
        }
        if (from.until(to, ChronoUnit.MONTHS) + 1 > MAX_MONTHS) {
            throw new IllegalArgumentException("a report may cover at most " + MAX_MONTHS + " months");
        }
    }

    public static ReportPeriod month(YearMonth month) {
        return new ReportPeriod(month, month, Kind.MONTH);
    }

    public static ReportPeriod quarter(int year, int quarter) {
        YearMonth first = YearMonth.of(year, (quarter - 1) * 3 + 1);
        return new ReportPeriod(first, first.plusMonths(2), Kind.QUARTER);
    }

    public static ReportPeriod halfYear(int year, int half) {
        YearMonth first = YearMonth.of(year, (half - 1) * 6 + 1);
        return new ReportPeriod(first, first.plusMonths(5), Kind.HALF_YEAR);
    }

    public static ReportPeriod year(int year) {
        return new ReportPeriod(YearMonth.of(year, 1), YearMonth.of(year, 12), Kind.YEAR);
    }

    public static ReportPeriod custom(YearMonth from, YearMonth to) {
        return new ReportPeriod(from, to, Kind.CUSTOM);
    }

    /**
     * Reads the period's name as the page, the CSV and the API write it: {@code 2026-03} (a month),
     * {@code 2026-Q1}, {@code 2026-H2}, {@code 2026} (a year), {@code 2026-01..2026-05} (custom).
     *
     * @throws IllegalArgumentException naming what was wrong
     */
    public static ReportPeriod parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(
                    "a period is required: 2026-03, 2026-Q1, 2026-H1, 2026 or 2026-01..2026-05");
        }
        String t = text.strip();
        try {
            Matcher m;
            if ((m = QUARTER.matcher(t)).matches()) {
                return quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            if ((m = HALF.matcher(t)).matches()) {
                return halfYear(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            if (YEAR.matcher(t).matches()) {
                return year(Integer.parseInt(t));
            }
            if ((m = CUSTOM.matcher(t)).matches()) {
                YearMonth from = YearMonth.parse(m.group(1));
                YearMonth to = YearMonth.parse(m.group(2));
                return from.equals(to) ? month(from) : custom(from, to);
            }
            return month(YearMonth.parse(t));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "not a period: '" + t + "' (write 2026-03, 2026-Q1, 2026-H1, 2026 or 2026-01..2026-05)");
        }
    }

    /** The name {@link #parse} reads back. */
    public String name() {
        return switch (kind) {
            case MONTH -> from.toString();
            case QUARTER -> from.getYear() + "-Q" + ((from.getMonthValue() - 1) / 3 + 1);
            case HALF_YEAR -> from.getYear() + "-H" + ((from.getMonthValue() - 1) / 6 + 1);
            case YEAR -> Integer.toString(from.getYear());
            case CUSTOM -> from + ".." + to;
        };
    }

    /** The months, in order. */
    public List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    public LocalDate firstDay() {
        return from.atDay(1);
    }

    public LocalDate lastDay() {
        return to.atEndOfMonth();
    }

    /** A month, quarter, half-year or year: the periods member breakdowns are published for. */
    public boolean isCalendarPeriod() {
        return kind != Kind.CUSTOM;
    }
}
