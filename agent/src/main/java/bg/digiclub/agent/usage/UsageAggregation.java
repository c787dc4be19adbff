package bg.digiclub.agent.usage;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import bg.digiclub.common.batch.BatchLimits;
import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.TileCategory;
import bg.digiclub.common.link.VisitorKind;

/**
 * The arithmetic of anonymization, free of storage: sessions and sample times in, per-hour and
 * per-day counts out. A session is counted in the hour (and local day) it started; its minutes
 * are split over the hours it ran, and the tile categories it opened count on the day it started,
 * even those opened after midnight. Member codes are reduced to a count of distinct codes here
 * and go no further.
 */
public final class UsageAggregation {
    private UsageAggregation() {}

    /**
     * The non-empty whole UTC hours of {@code [from, to)} (both whole hours).
     *
     * @param samples        when health samples were taken (the agent was running)
     * @param sampleInterval how long before its time a sample vouches for the agent running
     */
    public static List<HourTotals> hours(
            Instant from, Instant to, List<LedgerSession> sessions, List<Instant> samples, Duration sampleInterval) {
        List<long[]> running = new ArrayList<>();
        for (LedgerSession s : sessions) {
            running.add(new long[] {s.startedAt().toEpochMilli(), s.endedAt().toEpochMilli()});
        }
        Intervals sessionTime = Intervals.union(running);
        List<long[]> on = new ArrayList<>();
        long cover = Math.max(1_000, sampleInterval.toMillis());
        for (Instant t : samples) {
            on.add(new long[] {t.toEpochMilli() - cover, t.toEpochMilli() + 1});
        }
        Intervals poweredOn = Intervals.union(on);
        List<HourTotals> result = new ArrayList<>();
        for (Instant h = from.truncatedTo(ChronoUnit.HOURS); h.isBefore(to); h = h.plus(Duration.ofHours(1))) {
            Instant end = h.plus(Duration.ofHours(1));
            int guests = 0;
            int members = 0;
            for (LedgerSession s : sessions) {
                if (s.startedIn(h, end)) {
                    if (s.kind() == VisitorKind.MEMBER) {
                        members++;
                    } else {
                        guests++;
                    }
                }
            }
            // A PC cannot start more than the protocol's bound; anything beyond is a ledger fault
            // that must not get the whole day's batch refused.
            guests = Math.min(guests, BatchLimits.MAX_SESSIONS_PER_HOUR);
            members = Math.min(members, BatchLimits.MAX_SESSIONS_PER_HOUR - guests);
            HourTotals hour = new HourTotals(
                    h,
                    guests,
                    members,
                    Math.min(60, sessionTime.coveredMinutes(h, end)),
                    Math.min(60, poweredOn.coveredMinutes(h, end)));
            if (!hour.empty()) {
                result.add(hour);
            }
        }
        return result;
    }

    /** Whether a session that started in {@code [from, to)} is still running: that day is not complete yet. */
    public static boolean sessionStillRunning(Instant from, Instant to, List<LedgerSession> sessions) {
        return sessions.stream().anyMatch(s -> s.running() && s.startedIn(from, to));
    }

    /** Minutes the agent was running in {@code [from, to)}, from its sample times. */
    public static int runningMinutes(Instant from, Instant to, List<Instant> samples, Duration sampleInterval) {
        List<long[]> on = new ArrayList<>();
        long cover = Math.max(1_000, sampleInterval.toMillis());
        for (Instant t : samples) {
            on.add(new long[] {t.toEpochMilli() - cover, t.toEpochMilli() + 1});
        }
        return Intervals.union(on).coveredMinutes(from, to);
    }

    /**
     * The day {@code day} = {@code [from, to)}: sessions started in it by declared age band and
     * sex, the number of distinct member codes among them, and per tile category the number of
     * them that opened a tile of it.
     */
    public static DayTotals day(LocalDate day, Instant from, Instant to, List<LedgerSession> sessions) {
        Map<Demographics, Integer> cells = new HashMap<>();
        Map<TileCategory, Integer> tiles = new EnumMap<>(TileCategory.class);
        Set<String> members = new HashSet<>();
        for (LedgerSession s : sessions) {
            if (!s.startedIn(from, to)) {
                continue;
            }
            cells.merge(s.demographics(), 1, Integer::sum);
            s.tiles().forEach(category -> tiles.merge(category, 1, Integer::sum));
            if (s.kind() == VisitorKind.MEMBER) {
                members.add(s.memberCode());
            }
        }
        return new DayTotals(day, cells, members.size(), tiles);
    }
}
