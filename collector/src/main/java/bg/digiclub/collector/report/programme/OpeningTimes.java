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
 * on the last Sunday of October). As {@link ZonedDateTime#of} reads them, a local time the clocks
 * skip moves later by the length of the gap (03:30 is 04:30 that day in Sofia) and a time they
 * repeat is its first occurrence; an opening whose start so moves past its close (03:30–04:00)
 * is no time at all.
 */
final class OpeningTimes {
    private OpeningTimes() {}

    /** The instants of {@code week}'s openings on the local days {@code from} to {@code to}, both included. */
    static TimeSpans of(List<OpeningHours> week, ZoneId zone, LocalDate from, LocalDate to) {
        List<TimeSpans.Span> spans = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            for (OpeningHours opening : week) {
                if (opening.day() == day.getDayOfWeek()) {
                    long opens = ZonedDateTime.of(day, opening.opens(), zone).toEpochSecond();
                    long closes = ZonedDateTime.of(day, opening.closes(), zone).toEpochSecond();
                    spans.add(new TimeSpans.Span(opens, Math.max(opens, closes)));
                }
            }
        }
        return TimeSpans.of(spans);
    }
}
