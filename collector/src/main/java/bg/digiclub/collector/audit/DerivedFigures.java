package bg.digiclub.collector.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import bg.digiclub.collector.calendar.MonthKey;

/**
 * The dashboard's and the reports' tables ({@code club_days}, {@code club_months}, {@code club_hours},
 * {@code club_demographics}, {@code club_tile_categories}, {@code device_days}) are sums of the raw rows,
 * kept in the batches' transactions. A figure a report shows is read from them, so an edit there changes a
 * report while every batch's own figures still hold: this recomputes them from the raw rows, club by club
 * (in the club's time zone of today: a club whose zone was changed after it had figures shows its old days
 * as differing), and names every row that differs.
 */
final class DerivedFigures {
    private DerivedFigures() {}

    /** A derived table: its key and value columns; {@code day}-like keys are shown as dates. */
    private record Derived(String table, List<String> keys, List<String> values) {
        String select() {
            return "SELECT " + String.join(", ", keys) + ", " + String.join(", ", values) + " FROM " + table
                    + " WHERE club_id = ?";
        }
    }

    private static final Derived CLUB_DAYS = new Derived(
            "club_days",
            List.of("club_id", "day"),
            List.of(
                    "sessions",
                    "guest_sessions",
                    "member_sessions",
                    "session_minutes",
                    "powered_on_minutes",
                    "member_days"));
    private static final Derived CLUB_MONTHS =
            new Derived("club_months", List.of("club_id", "month"), CLUB_DAYS.values());
    private static final Derived CLUB_HOURS =
            new Derived("club_hours", List.of("club_id", "day", "hour_of_day"), List.of("sessions", "session_minutes"));
    private static final Derived CLUB_DEMOGRAPHICS =
            new Derived("club_demographics", List.of("club_id", "day", "age_band", "sex"), List.of("sessions"));
    private static final Derived CLUB_TILES =
            new Derived("club_tile_categories", List.of("club_id", "day", "category"), List.of("sessions"));
    private static final Derived DEVICE_DAYS = new Derived(
            "device_days",
            List.of("club_id", "device_id", "day"),
            List.of("sessions", "session_minutes", "powered_on_minutes"));
    private static final List<Derived> ALL =
            List.of(CLUB_DAYS, CLUB_MONTHS, CLUB_HOURS, CLUB_DEMOGRAPHICS, CLUB_TILES, DEVICE_DAYS);

    /** Adds a finding per differing row; the number of rows compared. */
    static long check(Connection c, List<Finding> findings) throws SQLException {
        Map<String, ZoneId> clubs = new LinkedHashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT id, time_zone FROM clubs ORDER BY id");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                clubs.put(rows.getString(1), ZoneId.of(rows.getString(2)));
            }
        }
        Map<String, List<String>> devices = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT id, club_id FROM devices");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                devices.computeIfAbsent(rows.getString(2), k -> new ArrayList<>())
                        .add(rows.getString(1));
            }
        }
        long compared = 0;
        for (Map.Entry<String, ZoneId> club : clubs.entrySet()) {
            Map<Derived, Map<List<Object>, long[]>> expected =
                    recompute(c, club.getKey(), club.getValue(), devices.getOrDefault(club.getKey(), List.of()));
            for (Derived derived : ALL) {
                compared += compare(c, derived, club.getKey(), expected.get(derived), findings);
            }
        }
        return compared;
    }

    private static Map<Derived, Map<List<Object>, long[]>> recompute(
            Connection c, String clubId, ZoneId zone, List<String> deviceIds) throws SQLException {
        Map<Derived, Map<List<Object>, long[]>> sums = new HashMap<>();
        ALL.forEach(d -> sums.put(d, new HashMap<>()));
        for (String device : deviceIds) {
            forRows(
                    c,
                    "SELECT hour, sessions, guest_sessions, member_sessions, session_minutes, powered_on_minutes "
                            + "FROM usage_hours WHERE device_id = ?",
                    device,
                    row -> {
                        ZonedDateTime local = Instant.ofEpochSecond(row[0]).atZone(zone);
                        long day = local.toLocalDate().toEpochDay();
                        long[] six = {row[1], row[2], row[3], row[4], row[5], 0};
                        add(sums.get(CLUB_DAYS), List.of(clubId, day), six);
                        add(sums.get(CLUB_MONTHS), List.of(clubId, MonthKey.ofEpochDay(day)), six);
                        add(sums.get(CLUB_HOURS), List.of(clubId, day, (long) local.getHour()), new long[] {
                            row[1], row[4]
                        });
                        add(sums.get(DEVICE_DAYS), List.of(clubId, device, day), new long[] {row[1], row[4], row[5]});
                    });
            forRows(c, "SELECT day, distinct_members FROM usage_days WHERE device_id = ?", device, row -> {
                long[] members = {0, 0, 0, 0, 0, row[1]};
                add(sums.get(CLUB_DAYS), List.of(clubId, row[0]), members);
                add(sums.get(CLUB_MONTHS), List.of(clubId, MonthKey.ofEpochDay(row[0])), members);
            });
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT day, age_band, sex, sessions FROM usage_demographics WHERE device_id = ?")) {
                select.setString(1, device);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        add(
                                sums.get(CLUB_DEMOGRAPHICS),
                                List.of(clubId, rows.getLong(1), rows.getString(2), rows.getString(3)),
                                new long[] {rows.getLong(4)});
                    }
                }
            }
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT day, category, sessions FROM usage_tile_categories WHERE device_id = ?")) {
                select.setString(1, device);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        add(sums.get(CLUB_TILES), List.of(clubId, rows.getLong(1), rows.getString(2)), new long[] {
                            rows.getLong(3)
                        });
                    }
                }
            }
        }
        return sums;
    }

    /** Compares the club's stored rows of one table with the recomputed ones; the rows compared. */
    private static long compare(
            Connection c, Derived derived, String clubId, Map<List<Object>, long[]> expected, List<Finding> findings)
            throws SQLException {
        Map<List<Object>, long[]> stored = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement(derived.select())) {
            select.setString(1, clubId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    List<Object> key = new ArrayList<>();
                    for (int i = 0; i < derived.keys().size(); i++) {
                        String name = derived.keys().get(i);
                        key.add(isText(name) ? rows.getString(i + 1) : (Object) rows.getLong(i + 1));
                    }
                    long[] values = new long[derived.values().size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = rows.getLong(derived.keys().size() + i + 1);
                    }
                    stored.put(key, values);
                }
            }
        }
        TreeSet<String> differing = new TreeSet<>();
        for (Map.Entry<List<Object>, long[]> row : stored.entrySet()) {
            long[] want = expected.get(row.getKey());
            if (!Arrays.equals(row.getValue(), want)) {
                differing.add(describe(derived, row.getKey(), row.getValue(), want));
            }
        }
        for (Map.Entry<List<Object>, long[]> row : expected.entrySet()) {
            if (!stored.containsKey(row.getKey())) {
                differing.add(describe(derived, row.getKey(), null, row.getValue()));
            }
        }
        differing.forEach(text -> findings.add(new Finding(Finding.Kind.DERIVED_DIFFERS, 0, null, text)));
        return stored.size();
    }

    private static String describe(Derived derived, List<Object> key, long[] stored, long[] recomputed) {
        StringBuilder text = new StringBuilder(derived.table());
        for (int i = 0; i < key.size(); i++) {
            String name = derived.keys().get(i);
            Object value = key.get(i);
            text.append(' ')
                    .append(name)
                    .append('=')
                    .append(name.equals("day") ? LocalDate.ofEpochDay((Long) value) : value);
        }
        text.append(": stored ")
                .append(values(derived, stored))
                .append(", the raw rows give ")
                .append(values(derived, recomputed));
        return text.toString();
    }

    private static String values(Derived derived, long[] values) {
        if (values == null) {
            return "no row";
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            text.append(i == 0 ? "" : " ")
                    .append(derived.values().get(i))
                    .append('=')
                    .append(values[i]);
        }
        return text.toString();
    }

    private static boolean isText(String column) {
        return column.endsWith("_id") || column.equals("age_band") || column.equals("sex") || column.equals("category");
    }

    private static void add(Map<List<Object>, long[]> sums, List<Object> key, long[] values) {
        long[] row = sums.computeIfAbsent(key, k -> new long[values.length]);
        for (int i = 0; i < values.length; i++) {
            row[i] += values[i];
        }
    }

    @FunctionalInterface
    private interface LongRow {
        void accept(long[] row);
    }

    private static void forRows(Connection c, String sql, String device, LongRow each) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, device);
            try (ResultSet rows = select.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    long[] row = new long[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = rows.getLong(i + 1);
                    }
                    each.accept(row);
                }
            }
        }
    }
}
