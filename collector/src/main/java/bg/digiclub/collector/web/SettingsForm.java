package bg.digiclub.collector.web;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

import bg.digiclub.common.live.ClubSettings;
import bg.digiclub.common.live.OpeningHours;

/**
 * The club settings form ({@code POST /clubs/{id}/settings}): opening hours as up to
 * {@value #OPENINGS_PER_DAY} openings a weekday (a club closed for lunch opens twice), fields
 * {@code opens-D-N} / {@code closes-D-N} ({@code D} 1 = Monday .. 7, {@code N} 0 or 1, "H:MM",
 * both empty: no opening), {@code queue} (present: on), {@code reservation}, {@code grace},
 * {@code shutdownAfter} and {@code wakeBefore} (minutes; empty: never). A wrong field is refused
 * with a sentence for the mentor that names it.
 */
public final class SettingsForm {
    public static final int OPENINGS_PER_DAY = 2;

    /** "9:00" or "09:00", as people write the time. */
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("H:mm", Locale.ROOT);

    private SettingsForm() {}

    /** The openings of a weekday, for the form's rows; the form shows at most two. */
    public static List<OpeningHours> openings(ClubSettings settings, int isoDay) {
        return settings.week().stream()
                .filter(hours -> hours.day().getValue() == isoDay)
                .sorted((a, b) -> a.opens().compareTo(b.opens()))
                .limit(OPENINGS_PER_DAY)
                .toList();
    }

    static ClubSettings parse(PageText t, ClubSettings current, Function<String, String> field) {
        Objects.requireNonNull(current, "current");
        List<OpeningHours> week = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            for (int slot = 0; slot < OPENINGS_PER_DAY; slot++) {
                String suffix = "-" + day.getValue() + "-" + slot;
                LocalTime opens = time(t, day, field.apply("opens" + suffix));
                LocalTime closes = time(t, day, field.apply("closes" + suffix));
                if (opens == null && closes == null) {
                    continue;
                }
                if (opens == null || closes == null || !closes.isAfter(opens)) {
                    throw new IllegalArgumentException(t.get("settings.error.hours", t.weekday(day.getValue())));
                }
                week.add(new OpeningHours(day, opens, closes));
            }
        }
        return new ClubSettings(
                current.version(),
                week,
                optionalMinutes(t, field.apply("shutdownAfter"), "settings.shutdownAfter", 12 * 60),
                optionalMinutes(t, field.apply("wakeBefore"), "settings.wakeBefore", 12 * 60),
                field.apply("queue") != null,
                minutes(t, field.apply("reservation"), "settings.reservation", 1, 30),
                minutes(t, field.apply("grace"), "settings.grace", 0, 120));
    }

    private static LocalTime time(PageText t, DayOfWeek day, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(value.strip(), CLOCK);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(t.get("settings.error.hours", t.weekday(day.getValue())), e);
        }
    }

    private static Integer optionalMinutes(PageText t, String value, String label, int max) {
        return value == null || value.isBlank() ? null : minutes(t, value, label, 0, max);
    }

    private static int minutes(PageText t, String value, String label, int min, int max) {
        try {
            int minutes = Integer.parseInt(String.valueOf(value).strip());
            if (minutes >= min && minutes <= max) {
                return minutes;
            }
        } catch (NumberFormatException e) {
            // the sentence below says what is wanted
        }
        throw new IllegalArgumentException(
                t.get("settings.error.minutes", t.get(label), Integer.toString(min), Integer.toString(max)));
    }
}
