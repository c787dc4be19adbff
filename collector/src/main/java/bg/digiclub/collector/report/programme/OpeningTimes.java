package bg.digiclub.collector.report.programme;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import bg.digiclub.common.live.OpeningHours;

/**
 * A club's weekly opening hours laid over real days: the instants the club was open. Opening and
 * closing are local times of the club's zone, so a day when the clocks change has the real
 * length of its openings (02:00–05:00 is two hours on the last Sunday of March in Sofia and four
 * on the last Sunday of October); a local time the clocks skip counts from the moment after the
 * gap, a time they repeat from its first occurrence, as {@link ZonedDateTime#of} reads them.
 */
final class OpeningTimes {
    private OpeningTimes() {}

    /** The instants of {@code week}'s openings on the local days {@code from} to {@code to}, both included. */
    static TimeSpans of(List<OpeningHours> week, ZoneId zone, LocalDate from, LocalDate to) {
        List<TimeSpans.Span> spans = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            for (OpeningHours opening : week) {
                if (opening.day() == day.getDayOfWeek()) {
                    spans.add(new TimeSpans.Span(
                            ZonedDateTime.of(day, opening.opens(), zone).toEpochSecond(),
                            ZonedDateTime.of(day, opening.closes(), zone).toEpochSecond()));
                }
            }
        }
        return TimeSpans.of(spans);
    }
}
