package bg.digiclub.systemtest.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Sex;
import bg.digiclub.common.link.TileCategory;

/**
 * What the collector must show for a set of visits, worked out here from the plan alone (not
 * with the agent's or the collector's code), in the shapes the collector shows them.
 */
public final class Expected {
    /** Per PC and UTC hour: sessions started, of them guests, members, and session minutes. */
    public final Map<String, long[]> pcHours = new TreeMap<>();
    /** Per local day: sessions started and session minutes (of hours of that local day). */
    public final Map<LocalDate, long[]> days = new TreeMap<>();
    /** Per local day and hour of day: sessions started and session minutes. */
    public final Map<String, long[]> dayHours = new TreeMap<>();
    /** Sessions started per weekday (0 = Monday) and local hour, as the heatmap shows them. */
    public final long[][] heatmap = new long[7][24];
    /** Sessions per declared age band x sex, in the enums' order. */
    public final long[][] demographics = new long[AgeBand.values().length][Sex.values().length];
    /** Per local day a session started: sessions that opened a tile of each category (each once per session). */
    public final Map<LocalDate, long[]> tileSessions = new TreeMap<>();

    public long sessions;
    public long guests;
    public long members;
    public long minutes;
    /** Distinct member cards per PC and local day, added up. */
    public long memberDays;

    public Expected(List<Visit> visits, ZoneId zone) {
        Set<String> memberDaySeen = new HashSet<>();
        for (Visit v : visits) {
            Instant start = v.startInstant(zone);
            Instant end = v.endInstant(zone);
            ZonedDateTime local = start.atZone(zone);
            sessions++;
            if (v.isMember()) {
                members++;
                if (memberDaySeen.add(v.pc() + "/" + local.toLocalDate() + "/" + v.member())) {
                    memberDays++;
                }
            } else {
                guests++;
            }
            demographics[v.demographics().ageBand().ordinal()][
                    v.demographics().sex().ordinal()]++;
            for (TileCategory category : new HashSet<>(v.tiles())) {
                tileSessions
                        .computeIfAbsent(local.toLocalDate(), k -> new long[TileCategory.values().length])[
                        category.ordinal()]++;
            }
            heatmap[local.getDayOfWeek().getValue() - 1][local.getHour()]++;
            Instant startHour = start.truncatedTo(ChronoUnit.HOURS);
            long[] h = pcHours.computeIfAbsent(key(v.pc(), startHour), k -> new long[4]);
            h[0]++;
            h[v.isMember() ? 2 : 1]++;
            days.computeIfAbsent(local.toLocalDate(), k -> new long[2])[0]++;
            dayHours.computeIfAbsent(local.toLocalDate() + "T" + local.getHour(), k -> new long[2])[0]++;
            // session minutes are split over the hours the session ran in
            for (Instant hour = startHour; hour.isBefore(end); hour = hour.plus(1, ChronoUnit.HOURS)) {
                Instant from = start.isAfter(hour) ? start : hour;
                Instant next = hour.plus(1, ChronoUnit.HOURS);
                Instant to = end.isBefore(next) ? end : next;
                long m = ChronoUnit.MINUTES.between(from, to);
                if (m <= 0) {
                    continue;
                }
                minutes += m;
                pcHours.computeIfAbsent(key(v.pc(), hour), k -> new long[4])[3] += m;
                ZonedDateTime localHour = hour.atZone(zone);
                days.computeIfAbsent(localHour.toLocalDate(), k -> new long[2])[1] += m;
                dayHours.computeIfAbsent(localHour.toLocalDate() + "T" + localHour.getHour(), k -> new long[2])[1] += m;
            }
        }
    }

    /** Sessions that opened a tile of each category, over all days. */
    public long[] tileSessionsTotal() {
        long[] total = new long[TileCategory.values().length];
        tileSessions.values().forEach(day -> {
            for (int i = 0; i < total.length; i++) {
                total[i] += day[i];
            }
        });
        return total;
    }

    public static String key(int pc, Instant hour) {
        return "pc" + pc + "@" + hour;
    }

    /** Session hours as the dashboard and the CSV print them (one decimal). */
    public static String hours(long minutes) {
        return String.format(java.util.Locale.ROOT, "%.1f", minutes / 60.0);
    }
}
