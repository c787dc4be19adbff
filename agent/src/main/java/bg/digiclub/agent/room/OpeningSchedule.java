package bg.digiclub.agent.room;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import bg.digiclub.common.live.OpeningHours;

/**
 * The club's opening hours as instants in the agent's time zone: whether the club is open, when
 * the current opening closes, when the last one closed and the next one opens. Openings that touch
 * (10:00-13:00, 13:00-18:00) are one. An empty week is no schedule: always open, never closing.
 * Pure: the room asks it with its clock's instant.
 */
final class OpeningSchedule {
    /** How far to look for an opening or a closing: a week and a day covers every weekly schedule. */
    private static final int DAYS_SEARCHED = 8;

    private final List<OpeningHours> week;
    private final ZoneId zone;

    OpeningSchedule(List<OpeningHours> week, ZoneId zone) {
        this.week = List.copyOf(week);
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Whether the club has a schedule at all. */
    boolean scheduled() {
        return !week.isEmpty();
    }

    boolean openAt(Instant now) {
        return !scheduled() || currentOpening(now).isPresent();
    }

    /** When the opening the club is in now closes; empty when closed or unscheduled. */
    Optional<Instant> closingOf(Instant now) {
        return currentOpening(now).map(Span::closes);
    }

    /** The latest closing at or before {@code now}; empty when unscheduled. */
    Optional<Instant> lastClosing(Instant now) {
        return spans(now).stream()
                .map(Span::closes)
                .filter(c -> !c.isAfter(now))
                .max(Comparator.naturalOrder());
    }

    /** The first opening after {@code now}; empty when unscheduled. */
    Optional<Instant> nextOpening(Instant now) {
        return spans(now).stream().map(Span::opens).filter(o -> o.isAfter(now)).min(Comparator.naturalOrder());
    }

    /**
     * Whether the moment {@code after} a closing fell between {@code previous} (exclusive) and
     * {@code now} (inclusive) while the club is closed: the round that should act on it.
     */
    boolean passedSinceClosing(Duration after, Instant previous, Instant now) {
        if (!scheduled() || openAt(now)) {
            return false;
        }
        return lastClosing(now.minus(after))
                .map(closing -> closing.plus(after))
                .filter(due -> due.isAfter(previous) && !due.isAfter(now))
                .isPresent();
    }

    private Optional<Span> currentOpening(Instant now) {
        return spans(now).stream()
                .filter(s -> !now.isBefore(s.opens()) && now.isBefore(s.closes()))
                .findFirst();
    }

    /** Every opening from a week before to a week after {@code now}, touching ones merged, in order. */
    private List<Span> spans(Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        List<Span> raw = new ArrayList<>();
        for (int d = -DAYS_SEARCHED; d <= DAYS_SEARCHED; d++) {
            LocalDate day = today.plusDays(d);
            for (OpeningHours h : week) {
                if (h.day() == day.getDayOfWeek()) {
                    raw.add(new Span(
                            ZonedDateTime.of(day, h.opens(), zone).toInstant(),
                            ZonedDateTime.of(day, h.closes(), zone).toInstant()));
                }
            }
        }
        raw.sort(Comparator.comparing(Span::opens));
        List<Span> merged = new ArrayList<>();
        for (Span s : raw) {
            Span last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !s.opens().isAfter(last.closes())) {
                merged.set(
                        merged.size() - 1,
                        new Span(last.opens(), s.closes().isAfter(last.closes()) ? s.closes() : last.closes()));
            } else {
                merged.add(s);
            }
        }
        return merged;
    }

    private record Span(Instant opens, Instant closes) {}
}
