package bg.digiclub.collector.report.programme;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import bg.digiclub.collector.calendar.MonthKey;
import bg.digiclub.collector.store.Club;
import bg.digiclub.collector.store.ClubStore;
import bg.digiclub.collector.store.Database;

/**
 * A small known data set for the programme report's tests: two clubs, January to March 2026,
 * written straight into the aggregates intake keeps. Every figure the tests expect is worked out by
 * hand in the comments below.
 *
 * <pre>
 * north (sessions by our band x sex)          Jan  Feb  Mar   Q1
 *   30-54 F (2+1 days in Jan: 12 + 8)          20   15   10   45
 *   30-54 M (6 + 4)                            10   10    7   27
 *   55-64 F / 65-74 F / 75+ F  (55+ F)          8    6    9   23   (Jan 5 + 3, Feb 6, Mar 9)
 *   not declared                                9    5    6   20
 *   visits                                     47   36   32  115   (+ 3 in December 2025)
 *   tiles e-government                          7    6    5   18
 *   tiles learning                             10   12    8   30
 * south
 *   16-17 F (a legacy band)                     2    0    0    2
 *   18-24 F                                     6    8    5   19
 *   25-29 M                                     7    6    5   18
 *   30-54 F                                     9   10   11   30
 *   not declared                                5    6    7   18
 *   visits                                     29   30   28   87
 *   tiles e-government                          3    9    8   20
 * all clubs: visits 76 66 60 = 202
 *
 * PCs: north-1 enrolled 2025-12-15, north-2 enrolled 2026-02-03, both on in January..March (north-2
 * from February); south-1 enrolled 2026-01-10, on in every month; south-0 enrolled 2025-11-01,
 * revoked, never on in 2026. North's first session was on 2025-12-20, south's on 2026-01-12.
 *
 * Member cards: north has 6 cards of women aged 30-54 (ids 1-6) and one never declared (7); cards
 * 1-6 came on 5 January, card 1 again on 10 February (and on two PCs: one row), card 7 on 3 March.
 * Distinct members: January 6, February 1, March 1, the quarter 7. South's one card (a man aged
 * 18-24) came on 12 January and 16 February: 1 in the quarter. All clubs: 8.
 * </pre>
 */
final class ProgrammeFixture {
    static final String NORTH = "north";
    static final String SOUTH = "south";
    static final ZoneId SOFIA = ZoneId.of("Europe/Sofia");

    private ProgrammeFixture() {}

    static void load(Database db) throws SQLException {
        ClubStore clubs = new ClubStore(db);
        Instant created = Instant.parse("2025-10-01T00:00:00Z");
        clubs.saveClub(new Club(NORTH, "НЧ „Север“", "с. Горно", SOFIA), created);
        clubs.saveClub(new Club(SOUTH, "НЧ „Юг“", "с. Долно", SOFIA), created);
        db.write(c -> {
            device(c, "00000000-0000-0000-0000-00000000000a", NORTH, 1, "2025-12-15T08:00:00Z", false);
            device(c, "00000000-0000-0000-0000-00000000000b", NORTH, 2, "2026-02-03T08:00:00Z", false);
            device(c, "00000000-0000-0000-0000-00000000000c", SOUTH, 1, "2026-01-10T08:00:00Z", false);
            device(c, "00000000-0000-0000-0000-00000000000d", SOUTH, 0, "2025-11-01T08:00:00Z", true);
            // north
            day(c, NORTH, "2025-12-20", new Object[][] {{"AGE_30_54", "FEMALE", 3}}, Map.of());
            day(
                    c,
                    NORTH,
                    "2026-01-05",
                    new Object[][] {{"AGE_30_54", "FEMALE", 12}, {"AGE_30_54", "MALE", 6}, {"AGE_55_64", "FEMALE", 5}},
                    Map.of("E_GOVERNMENT", 4, "LEARNING", 6));
            day(
                    c,
                    NORTH,
                    "2026-01-20",
                    new Object[][] {
                        {"AGE_30_54", "FEMALE", 8},
                        {"AGE_30_54", "MALE", 4},
                        {"AGE_65_74", "FEMALE", 3},
                        {"NOT_DECLARED", "NOT_DECLARED", 9}
                    },
                    Map.of("E_GOVERNMENT", 3, "LEARNING", 4));
            day(
                    c,
                    NORTH,
                    "2026-02-10",
                    new Object[][] {
                        {"AGE_30_54", "FEMALE", 15},
                        {"AGE_30_54", "MALE", 10},
                        {"AGE_55_64", "FEMALE", 6},
                        {"NOT_DECLARED", "NOT_DECLARED", 5}
                    },
                    Map.of("E_GOVERNMENT", 6, "LEARNING", 12));
            day(
                    c,
                    NORTH,
                    "2026-03-03",
                    new Object[][] {
                        {"AGE_30_54", "FEMALE", 10},
                        {"AGE_30_54", "MALE", 7},
                        {"AGE_75_PLUS", "FEMALE", 9},
                        {"NOT_DECLARED", "NOT_DECLARED", 6}
                    },
                    Map.of("E_GOVERNMENT", 5, "LEARNING", 8));
            // south
            day(
                    c,
                    SOUTH,
                    "2026-01-12",
                    new Object[][] {
                        {"AGE_16_17", "FEMALE", 2},
                        {"AGE_18_24", "FEMALE", 6},
                        {"AGE_25_29", "MALE", 7},
                        {"AGE_30_54", "FEMALE", 9},
                        {"NOT_DECLARED", "NOT_DECLARED", 5}
                    },
                    Map.of("E_GOVERNMENT", 3));
            day(
                    c,
                    SOUTH,
                    "2026-02-16",
                    new Object[][] {
                        {"AGE_18_24", "FEMALE", 8},
                        {"AGE_25_29", "MALE", 6},
                        {"AGE_30_54", "FEMALE", 10},
                        {"NOT_DECLARED", "NOT_DECLARED", 6}
                    },
                    Map.of("E_GOVERNMENT", 9));
            day(
                    c,
                    SOUTH,
                    "2026-03-30",
                    new Object[][] {
                        {"AGE_18_24", "FEMALE", 5},
                        {"AGE_25_29", "MALE", 5},
                        {"AGE_30_54", "FEMALE", 11},
                        {"NOT_DECLARED", "NOT_DECLARED", 7}
                    },
                    Map.of("E_GOVERNMENT", 8));
            // the PCs switched on
            on(c, "00000000-0000-0000-0000-00000000000a", NORTH, "2026-01-05", "2026-02-10", "2026-03-03");
            on(c, "00000000-0000-0000-0000-00000000000b", NORTH, "2026-02-10", "2026-03-03");
            on(c, "00000000-0000-0000-0000-00000000000c", SOUTH, "2026-01-12", "2026-02-16", "2026-03-30");
            on(c, "00000000-0000-0000-0000-00000000000d", SOUTH, "2025-11-20");
            // member cards and their days
            for (int card = 1; card <= 6; card++) {
                card(c, NORTH, card, "AGE_30_54", "FEMALE");
                visit(c, NORTH, card, "2026-01-05");
            }
            visit(c, NORTH, 1, "2026-02-10");
            card(c, NORTH, 7, null, null);
            visit(c, NORTH, 7, "2026-03-03");
            card(c, SOUTH, 1, "AGE_18_24", "MALE");
            visit(c, SOUTH, 1, "2026-01-12");
            visit(c, SOUTH, 1, "2026-02-16");
            return null;
        });
    }

    private static void device(Connection c, String id, String club, int number, String enrolledAt, boolean revoked)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO devices (id, club_id, number, token_hash, revoked, "
                + "agent_version, enrolled_at) VALUES (?, ?, ?, ?, ?, '0.1.0', ?)")) {
            s.setString(1, id);
            s.setString(2, club);
            s.setInt(3, number);
            s.setString(4, "token-" + id);
            s.setInt(5, revoked ? 1 : 0);
            s.setLong(6, Instant.parse(enrolledAt).getEpochSecond());
            s.executeUpdate();
        }
    }

    /** One club day: its demographic cells and tile counts, and the same sessions in club_days and club_months. */
    private static void day(Connection c, String club, String date, Object[][] cells, Map<String, Integer> tiles)
            throws SQLException {
        long day = LocalDate.parse(date).toEpochDay();
        int sessions = 0;
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO club_demographics (club_id, day, age_band, sex, sessions) VALUES (?, ?, ?, ?, ?)")) {
            for (Object[] cell : cells) {
                s.setString(1, club);
                s.setLong(2, day);
                s.setString(3, (String) cell[0]);
                s.setString(4, (String) cell[1]);
                s.setInt(5, (Integer) cell[2]);
                s.addBatch();
                sessions += (Integer) cell[2];
            }
            s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO club_tile_categories (club_id, day, category, sessions) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<String, Integer> tile : new HashMap<>(tiles).entrySet()) {
                s.setString(1, club);
                s.setLong(2, day);
                s.setString(3, tile.getKey());
                s.setInt(4, tile.getValue());
                s.addBatch();
            }
            s.executeBatch();
        }
        for (String[] table : new String[][] {{"club_days", "day"}, {"club_months", "month"}}) {
            long key = table[1].equals("day") ? day : MonthKey.ofEpochDay(day);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO " + table[0] + " (club_id, " + table[1]
                    + ", sessions, guest_sessions, member_sessions, session_minutes, powered_on_minutes, member_days) "
                    + "VALUES (?, ?, ?, ?, 0, ?, 0, 0) ON CONFLICT (club_id, " + table[1] + ") DO UPDATE SET "
                    + "sessions = " + table[0] + ".sessions + excluded.sessions")) {
                s.setString(1, club);
                s.setLong(2, key);
                s.setInt(3, sessions);
                s.setInt(4, sessions);
                s.setInt(5, sessions * 30);
                s.executeUpdate();
            }
        }
    }

    private static void card(Connection c, String club, long id, String band, String sex) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO club_cards (club_id, code_hash, pin_hash, "
                + "age_band, sex, disabled, version, changed_at, card_id) VALUES (?, ?, 'pin', ?, ?, 0, ?, 0, ?)")) {
            s.setString(1, club);
            s.setString(2, "code-" + club + "-" + id);
            s.setString(3, band);
            s.setString(4, sex);
            s.setLong(5, id);
            s.setLong(6, id);
            s.executeUpdate();
        }
    }

    private static void visit(Connection c, String club, long card, String date) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("INSERT INTO card_visits (club_id, card_id, day) VALUES (?, ?, ?)")) {
            s.setString(1, club);
            s.setLong(2, card);
            s.setLong(3, LocalDate.parse(date).toEpochDay());
            s.executeUpdate();
        }
    }

    private static void on(Connection c, String device, String club, String... dates) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO device_days (device_id, day, club_id, sessions, "
                + "session_minutes, powered_on_minutes) VALUES (?, ?, ?, 0, 0, 240)")) {
            for (String date : dates) {
                s.setString(1, device);
                s.setLong(2, LocalDate.parse(date).toEpochDay());
                s.setString(3, club);
                s.addBatch();
            }
            s.executeBatch();
        }
    }
}
