package bg.digiclub.collector.report;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** A reporting period of whole local days, both ends included. */
public record Period(LocalDate from, LocalDate to) {
    /** The longest period a page or export covers. */
    public static final int MAX_DAYS = 400;

    public Period {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends (" + to + ") before it starts (" + from + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new IllegalArgumentException("the period may cover at most " + MAX_DAYS + " days");
        }
    }

    /** The last {@code days} days up to and including {@code today}. */
    public static Period lastDays(LocalDate today, int days) {
        return new Period(today.minusDays(days - 1L), today);
    }

    /** From query parameters {@code from} and {@code to} (YYYY-MM-DD); a missing one takes the default's. */
    public static Period parse(String from, String to, Period fallback) {
        try {
            LocalDate start = from == null || from.isBlank() ? fallback.from() : LocalDate.parse(from.strip());
            LocalDate end = to == null || to.isBlank() ? fallback.to() : LocalDate.parse(to.strip());
            return new Period(start, end);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("dates must be written YYYY-MM-DD: " + e.getParsedString());
        }
    }

    public int days() {
        return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }

    public long fromEpochDay() {
        return from.toEpochDay();
    }

    public long toEpochDay() {
        return to.toEpochDay();
    }
}
