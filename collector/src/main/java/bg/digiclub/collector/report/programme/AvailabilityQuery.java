package bg.digiclub.collector.report.programme;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import bg.digiclub.collector.live.SettingsStore;
import bg.digiclub.collector.store.Club;
import bg.digiclub.collector.store.Database;

/**
 * Each PC's availability for the programme report: of the minutes its club was open, those it was
 * on and not CRIT (docs/collector.md, "PC availability"). The rules, and why:
 *
 * <ul>
 *   <li><b>Open minutes</b> come from the club's opening hours as they are set now (the collector
 *       keeps no history of them), laid over every local day of the range in the club's zone,
 *       counted from the PC's enrolment. A club with no opening hours has 0 open minutes: its
 *       percentage is undefined, not 100 or 0.
 *   <li><b>On</b>: a PC reports per UTC hour how many minutes it ran ({@code usage_hours}), not
 *       which ones; they are taken as spread evenly over the hour, so an hour with 30 minutes on
 *       and 45 minutes open gives 22.5 available minutes. That undercounts a PC switched on at
 *       opening in the hour it opens (by at most the minutes of that hour that are closed) and
 *       overcounts the same way at closing; over a month it is a few percent at most, and it
 *       guesses nothing the PC did not say.
 *   <li><b>Not CRIT</b>: a health snapshot describes its 15-minute slot (the agent's health round,
 *       docs/protocol.md); a CRIT snapshot makes its slot unavailable. Minutes without a snapshot
 *       count as healthy: the PC was on (its usage says so) and nothing says it was broken; a
 *       snapshot lost with an evicted batch must not turn a working PC into a broken one.
 *   <li><b>Which PCs</b>: those enrolled before the range ends and not revoked. A revoked PC has
 *       left the club (replaced, stolen, retired) and the collector does not know since when; the
 *       list matches the club's enrolled PCs in the report.
 * </ul>
 */
public final class AvailabilityQuery {
    /** How long a health snapshot stands for: the agent's health slot. */
    static final Duration SNAPSHOT_SLOT = Duration.ofMinutes(15);

    private static final long HOUR = 3600;

    private final Database db;
    private final SettingsStore settings;

    public AvailabilityQuery(Database db, SettingsStore settings) {
        this.db = Objects.requireNonNull(db, "db");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Per PC of the clubs (in the clubs' order, then by PC number), its availability over the local
     * days {@code from} to {@code to} of each club's zone, both included. A club without PCs has no rows.
     */
    public List<ProgrammeReport.PcAvailability> of(List<Club> clubs, LocalDate from, LocalDate to) throws SQLException {
        Objects.requireNonNull(clubs, "clubs");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the range ends (" + to + ") before it starts (" + from + ")");
        }
        List<Club> asked = List.copyOf(clubs);
        return db.read(c -> {
            List<ProgrammeReport.PcAvailability> all = new ArrayList<>();
            for (Club club : asked) {
                ZoneId zone = club.timeZone();
                TimeSpans open = OpeningTimes.of(settings.settings(c, club.id()).week(), zone, from, to);
                long rangeFrom = from.atStartOfDay(zone).toEpochSecond();
                long rangeTo = to.plusDays(1).atStartOfDay(zone).toEpochSecond();
                for (Pc pc : pcs(c, club.id(), rangeTo)) {
                    TimeSpans pcOpen = open.from(pc.enrolledAt());
                    long openMinutes = pcOpen.seconds() / 60;
                    long available = openMinutes == 0 ? 0 : available(c, pc.id(), pcOpen, rangeFrom, rangeTo);
                    all.add(new ProgrammeReport.PcAvailability(
                            club.id(), pc.number(), openMinutes, Math.min(available, openMinutes)));
                }
            }
            return all;
        });
    }

    private record Pc(String id, int number, long enrolledAt) {}

    private static List<Pc> pcs(Connection c, String clubId, long before) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id, number, enrolled_at FROM devices"
                + " WHERE club_id = ? AND revoked = 0 AND enrolled_at < ? ORDER BY number")) {
            s.setString(1, clubId);
            s.setLong(2, before);
            List<Pc> pcs = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    pcs.add(new Pc(r.getString(1), r.getInt(2), r.getLong(3)));
                }
            }
            return pcs;
        }
    }

    /** Available minutes, rounded to the nearest: on (spread evenly in each hour) while open and not CRIT. */
    private static long available(Connection c, String deviceId, TimeSpans open, long rangeFrom, long rangeTo)
            throws SQLException {
        TimeSpans openAndCrit = open.intersect(crit(c, deviceId, rangeFrom, rangeTo));
        // minutes on x seconds open and not CRIT, summed over the hours: / 3600 gives minutes
        long weighted = 0;
        try (PreparedStatement s = c.prepareStatement("SELECT hour, powered_on_minutes FROM usage_hours"
                + " WHERE device_id = ? AND hour > ? AND hour < ? AND powered_on_minutes > 0")) {
            s.setString(1, deviceId);
            s.setLong(2, rangeFrom - HOUR);
            s.setLong(3, rangeTo);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long hour = r.getLong(1);
                    long healthyOpen = open.seconds(hour, hour + HOUR) - openAndCrit.seconds(hour, hour + HOUR);
                    weighted += r.getInt(2) * healthyOpen;
                }
            }
        }
        return (weighted + HOUR / 2) / HOUR;
    }

    /** The slots of the device's CRIT snapshots that touch the range. */
    private static TimeSpans crit(Connection c, String deviceId, long rangeFrom, long rangeTo) throws SQLException {
        long slot = SNAPSHOT_SLOT.toSeconds();
        try (PreparedStatement s = c.prepareStatement("SELECT at FROM health_snapshots"
                + " WHERE device_id = ? AND at > ? AND at < ? AND overall = 'CRIT'")) {
            s.setString(1, deviceId);
            s.setLong(2, rangeFrom - slot);
            s.setLong(3, rangeTo);
            List<TimeSpans.Span> spans = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long at = r.getLong(1);
                    spans.add(new TimeSpans.Span(at, at + slot));
                }
            }
            return TimeSpans.of(spans);
        }
    }
}
