package bg.digiclub.collector.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import bg.digiclub.collector.calendar.MonthKey;
import bg.digiclub.collector.store.Club;
import bg.digiclub.collector.store.ClubStore;
import bg.digiclub.collector.store.Database;
import bg.digiclub.common.batch.CheckStatus;
import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.support.sql.Rows;

/**
 * Read-only queries for the dashboard and the export. They read the pre-aggregated tables
 * ({@code club_days}, {@code club_months}, {@code club_hours}, {@code device_days}) that intake
 * keeps, so a page costs a few indexed range scans whatever the size of the raw data. The
 * breakdowns by age, sex and tile category are not here: they are published by the month rule
 * ({@code report.programme.DashboardBreakdowns}), for periods of whole months that have settled only.
 */
public final class Reports {
    private static final TypeReference<List<CheckStatus>> CHECKS = new TypeReference<>() {};

    private final Database database;
    private final ClubStore clubs;
    private final ObjectMapper json;

    public Reports(Database database, ClubStore clubs, ObjectMapper json) {
        this.database = Objects.requireNonNull(database, "database");
        this.clubs = Objects.requireNonNull(clubs, "clubs");
        this.json = Objects.requireNonNull(json, "json");
    }

    /** Every club's summary for the period, by club name. */
    public List<ClubSummary> overview(Period period) throws SQLException {
        List<Club> all = clubs.clubs();
        return database.read(c -> {
            Map<String, UsageTotals> totals = clubTotals(c, period, null);
            Map<String, Integer> active = ActivePcs.perClub(c, period.from(), period.to(), Optional.empty());
            Map<String, Fleet> fleet = fleet(c, null);
            List<ClubSummary> summaries = new ArrayList<>();
            for (Club club : all) {
                summaries.add(summary(club, totals, active, fleet));
            }
            return summaries;
        });
    }

    /** Sessions per day over all clubs. */
    public List<DayCount> allDays(Period period) throws SQLException {
        return database.read(c -> days(c, period, null));
    }

    public Optional<ClubReport> club(String clubId, Period period) throws SQLException {
        Optional<Club> club = clubs.club(clubId);
        if (club.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(database.read(c -> {
            ClubSummary summary = summary(
                    club.get(),
                    clubTotals(c, period, clubId),
                    ActivePcs.perClub(c, period.from(), period.to(), Optional.of(clubId)),
                    fleet(c, clubId));
            return new ClubReport(
                    summary, days(c, period, clubId), heatmap(c, period, clubId), devices(c, period, clubId, null));
        }));
    }

    public Optional<DeviceSummary> device(UUID deviceId, Period period) throws SQLException {
        return database.read(c -> devices(c, period, null, deviceId).stream().findFirst());
    }

    /** A PC's health snapshots from {@code since}, oldest first. */
    public List<HealthPoint> healthHistory(UUID deviceId, Instant since) throws SQLException {
        return database.read(c -> {
            List<HealthPoint> points = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT at, overall, checks FROM health_snapshots "
                    + "WHERE device_id = ? AND at >= ? ORDER BY at")) {
                select.setString(1, deviceId.toString());
                select.setLong(2, since.getEpochSecond());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        points.add(new HealthPoint(
                                Instant.ofEpochSecond(rows.getLong(1)),
                                HealthStatus.valueOf(rows.getString(2)),
                                checks(rows.getString(3))));
                    }
                }
            }
            return points;
        });
    }

    /** A PC's daily health summaries in the period, newest first. */
    public List<HealthDayRow> healthDays(UUID deviceId, Period period) throws SQLException {
        return database.read(c -> {
            List<HealthDayRow> days = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT day, worst, min_free_disk_percent, "
                    + "max_cpu_celsius, alert_count, uptime_minutes FROM health_days WHERE device_id = ? "
                    + "AND day BETWEEN ? AND ? ORDER BY day DESC")) {
                select.setString(1, deviceId.toString());
                select.setLong(2, period.fromEpochDay());
                select.setLong(3, period.toEpochDay());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        days.add(new HealthDayRow(
                                LocalDate.ofEpochDay(rows.getLong(1)),
                                checks(rows.getString(2)),
                                Rows.doubleOrNull(rows, 3),
                                Rows.doubleOrNull(rows, 4),
                                rows.getInt(5),
                                rows.getInt(6)));
                    }
                }
            }
            return days;
        });
    }

    /** A club's usage sums over some days or months. */
    private record UsageTotals(
            long sessions, long sessionMinutes, long guestSessions, long memberSessions, long memberDays) {
        static final UsageTotals NONE = new UsageTotals(0, 0, 0, 0, 0);

        UsageTotals plus(UsageTotals other) {
            return new UsageTotals(
                    sessions + other.sessions,
                    sessionMinutes + other.sessionMinutes,
                    guestSessions + other.guestSessions,
                    memberSessions + other.memberSessions,
                    memberDays + other.memberDays);
        }
    }

    /** A club's enrolled PCs, when any of them was last seen (null: never) and their worst health. */
    private record Fleet(int devices, Instant lastSeen, HealthLight health) {
        static final Fleet NONE = new Fleet(0, null, HealthLight.NONE);
    }

    /** One PC's sessions and minutes in a period. */
    private record DeviceUsage(long sessions, long sessionMinutes) {
        static final DeviceUsage NONE = new DeviceUsage(0, 0);
    }

    private static ClubSummary summary(
            Club club, Map<String, UsageTotals> totals, Map<String, Integer> active, Map<String, Fleet> fleet) {
        UsageTotals t = totals.getOrDefault(club.id(), UsageTotals.NONE);
        Fleet f = fleet.getOrDefault(club.id(), Fleet.NONE);
        return new ClubSummary(
                club,
                t.sessions(),
                t.sessionMinutes(),
                t.guestSessions(),
                t.memberSessions(),
                t.memberDays(),
                active.getOrDefault(club.id(), 0),
                f.devices(),
                f.lastSeen(),
                f.health());
    }

    private static String clubFilter(String clubId) {
        return clubId == null ? "" : " AND club_id = ?";
    }

    /**
     * Sums per club over the period: whole calendar months from {@code club_months}, the days
     * at either edge from {@code club_days}.
     */
    private static Map<String, UsageTotals> clubTotals(Connection c, Period period, String clubId) throws SQLException {
        Map<String, UsageTotals> totals = new HashMap<>();
        LocalDate firstFullMonth = period.from().getDayOfMonth() == 1
                ? period.from()
                : period.from().withDayOfMonth(1).plusMonths(1);
        LocalDate afterLastFullMonth = period.to().plusDays(1).withDayOfMonth(1);
        if (period.to().plusDays(1).getDayOfMonth() != 1) {
            afterLastFullMonth = period.to().withDayOfMonth(1);
        }
        if (firstFullMonth.isBefore(afterLastFullMonth)) {
            long fromMonth = MonthKey.of(firstFullMonth);
            long toMonth = MonthKey.of(afterLastFullMonth) - 1;
            addTotals(c, totals, "club_months", "month", fromMonth, toMonth, clubId);
            if (period.from().isBefore(firstFullMonth)) {
                addTotals(
                        c, totals, "club_days", "day", period.fromEpochDay(), firstFullMonth.toEpochDay() - 1, clubId);
            }
            if (!afterLastFullMonth.isAfter(period.to())) {
                addTotals(c, totals, "club_days", "day", afterLastFullMonth.toEpochDay(), period.toEpochDay(), clubId);
            }
        } else {
            addTotals(c, totals, "club_days", "day", period.fromEpochDay(), period.toEpochDay(), clubId);
        }
        return totals;
    }

    private static void addTotals(
            Connection c, Map<String, UsageTotals> totals, String table, String key, long from, long to, String clubId)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT club_id, SUM(sessions), SUM(session_minutes), "
                + "SUM(guest_sessions), SUM(member_sessions), SUM(member_days) FROM " + table
                + " WHERE " + key + " BETWEEN ? AND ?" + clubFilter(clubId) + " GROUP BY club_id")) {
            select.setLong(1, from);
            select.setLong(2, to);
            if (clubId != null) {
                select.setString(3, clubId);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    UsageTotals sums = new UsageTotals(
                            rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5), rows.getLong(6));
                    totals.merge(rows.getString(1), sums, UsageTotals::plus);
                }
            }
        }
    }

    /**
     * Each club's health light as the dashboard shows it, for the metrics: clubs without an enrolled
     * PC are missing (their light is {@link HealthLight#NONE}).
     */
    public static Map<String, HealthLight> lights(Connection c) throws SQLException {
        Map<String, HealthLight> lights = new HashMap<>();
        fleet(c, null).forEach((club, fleet) -> lights.put(club, fleet.health()));
        return lights;
    }

    /** Per club: enrolled PCs, last seen, health light (worst current status of its PCs). */
    private static Map<String, Fleet> fleet(Connection c, String clubId) throws SQLException {
        Map<String, Fleet> fleet = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT club_id, COUNT(*), MAX(last_seen_at), "
                + "SUM(CASE WHEN health_overall = 'CRIT' THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN health_overall IN ('WARN', 'UNKNOWN') THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN health_overall = 'OK' THEN 1 ELSE 0 END) "
                + "FROM devices WHERE revoked = 0" + clubFilter(clubId) + " GROUP BY club_id")) {
            if (clubId != null) {
                select.setString(1, clubId);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Instant seen = Rows.epochSecondOrNull(rows, 3);
                    HealthLight light = rows.getLong(4) > 0
                            ? HealthLight.RED
                            : rows.getLong(5) > 0
                                    ? HealthLight.AMBER
                                    : rows.getLong(6) > 0 ? HealthLight.GREEN : HealthLight.NONE;
                    fleet.put(rows.getString(1), new Fleet(rows.getInt(2), seen, light));
                }
            }
        }
        return fleet;
    }

    private static List<DayCount> days(Connection c, Period period, String clubId) throws SQLException {
        Map<Long, DayCount> byDay = new LinkedHashMap<>();
        for (long d = period.fromEpochDay(); d <= period.toEpochDay(); d++) {
            byDay.put(d, new DayCount(LocalDate.ofEpochDay(d), 0, 0));
        }
        try (PreparedStatement select = c.prepareStatement("SELECT day, SUM(sessions), SUM(session_minutes) "
                + "FROM club_days WHERE day BETWEEN ? AND ?" + clubFilter(clubId) + " GROUP BY day")) {
            bindPeriod(select, period, clubId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long day = rows.getLong(1);
                    byDay.put(day, new DayCount(LocalDate.ofEpochDay(day), rows.getLong(2), rows.getLong(3)));
                }
            }
        }
        return new ArrayList<>(byDay.values());
    }

    private static long[][] heatmap(Connection c, Period period, String clubId) throws SQLException {
        long[][] heatmap = new long[7][24];
        try (PreparedStatement select = c.prepareStatement(
                "SELECT day, hour_of_day, sessions FROM club_hours " + "WHERE club_id = ? AND day BETWEEN ? AND ?")) {
            select.setString(1, clubId);
            select.setLong(2, period.fromEpochDay());
            select.setLong(3, period.toEpochDay());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    DayOfWeek weekday = LocalDate.ofEpochDay(rows.getLong(1)).getDayOfWeek();
                    heatmap[weekday.getValue() - 1][rows.getInt(2)] += rows.getLong(3);
                }
            }
        }
        return heatmap;
    }

    private List<DeviceSummary> devices(Connection c, Period period, String clubId, UUID deviceId) throws SQLException {
        Map<String, DeviceUsage> usage = new HashMap<>();
        String where = deviceId != null ? "device_id = ?" : "club_id = ?";
        try (PreparedStatement select = c.prepareStatement("SELECT device_id, SUM(sessions), SUM(session_minutes) "
                + "FROM device_days WHERE " + where + " AND day BETWEEN ? AND ? GROUP BY device_id")) {
            select.setString(1, deviceId != null ? deviceId.toString() : clubId);
            select.setLong(2, period.fromEpochDay());
            select.setLong(3, period.toEpochDay());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    usage.put(rows.getString(1), new DeviceUsage(rows.getLong(2), rows.getLong(3)));
                }
            }
        }
        List<DeviceSummary> devices = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT id, club_id, number, revoked, agent_version, "
                + "last_seen_at, health_at, health_overall, health_checks, last_sequence, batches_received, "
                + "evicted_usage, evicted_health FROM devices WHERE "
                + (deviceId != null ? "id = ?" : "club_id = ?") + " ORDER BY number")) {
            select.setString(1, deviceId != null ? deviceId.toString() : clubId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    DeviceUsage u = usage.getOrDefault(rows.getString(1), DeviceUsage.NONE);
                    String health = rows.getString(8);
                    String checks = rows.getString(9);
                    devices.add(new DeviceSummary(
                            UUID.fromString(rows.getString(1)),
                            rows.getString(2),
                            rows.getInt(3),
                            rows.getInt(4) != 0,
                            rows.getString(5),
                            Rows.epochSecondOrNull(rows, 6),
                            Rows.epochSecondOrNull(rows, 7),
                            health == null ? null : HealthStatus.valueOf(health),
                            checks == null ? List.of() : checks(checks),
                            rows.getLong(10),
                            rows.getLong(11),
                            rows.getLong(12),
                            rows.getLong(13),
                            u.sessions(),
                            u.sessionMinutes()));
                }
            }
        }
        return devices;
    }

    private static void bindPeriod(PreparedStatement select, Period period, String clubId) throws SQLException {
        select.setLong(1, period.fromEpochDay());
        select.setLong(2, period.toEpochDay());
        if (clubId != null) {
            select.setString(3, clubId);
        }
    }

    private List<CheckStatus> checks(String text) {
        try {
            return json.readValue(text, CHECKS);
        } catch (IOException e) {
            throw new UncheckedIOException("stored health checks are not valid JSON", e);
        }
    }
}
