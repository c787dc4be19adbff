package bg.digiclub.collector.report.programme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import bg.digiclub.collector.live.SettingsStore;
import bg.digiclub.collector.report.programme.ProgrammeReport.PcAvailability;
import bg.digiclub.collector.store.Club;
import bg.digiclub.collector.store.Database;
import bg.digiclub.collector.testing.TestDatabases;
import bg.digiclub.common.batch.StrictJson;
import bg.digiclub.common.live.ClubSettings;
import bg.digiclub.common.live.OpeningHours;

/**
 * PC availability on real SQLite and PostgreSQL, over the two days of 2026 when Sofia's clocks
 * change, with every figure computed by hand in the comments.
 */
class AvailabilityQueryTest {
    private static final String RODINA = "sz-rodina-1860";
    private static final String ZORA = "sz-zora-1908";
    private static final ObjectMapper JSON = StrictJson.mapper();

    /** Sundays 02:00–05:00 (across the clock change), Mondays 09:30–12:00, local time. */
    private static final List<OpeningHours> WEEK = List.of(
            new OpeningHours(DayOfWeek.SUNDAY, LocalTime.of(2, 0), LocalTime.of(5, 0)),
            new OpeningHours(DayOfWeek.MONDAY, LocalTime.of(9, 30), LocalTime.of(12, 0)));

    @TempDir
    Path temp;

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void springForwardDayCountsItsRealOpeningMinutes(String kind) throws Exception {
        try (Database db = TestDatabases.open(kind, temp)) {
            club(db, RODINA, WEEK);
            club(db, ZORA, null);
            String pc1 = pc(db, RODINA, 1, "2026-01-10T08:00:00Z", false);
            // enrolled at Monday 10:00 local (UTC+3 by then): open for it from 07:00Z
            String pc2 = pc(db, RODINA, 2, "2026-03-30T07:00:00Z", false);
            String revoked = pc(db, RODINA, 3, "2026-01-10T08:00:00Z", true);
            pc(db, RODINA, 4, "2026-03-31T08:00:00Z", false); // enrolled after the range
            String zora1 = pc(db, ZORA, 1, "2026-01-10T08:00:00Z", false);

            // Sunday 29 March 2026: 02:00 local is 00:00Z (UTC+2); at 03:00 the clocks go to 04:00,
            // so 05:00 local is 02:00Z (UTC+3). Open 00:00Z-02:00Z: 120 minutes, not 180.
            // Monday 30 March: 09:30-12:00 local (UTC+3) = 06:30Z-09:00Z, 150 minutes. Together 270.
            hour(db, pc1, "2026-03-28T23:00:00Z", 60); // Sunday 01:00 local: closed -> 0
            hour(db, pc1, "2026-03-29T00:00:00Z", 60); // open all hour -> 60
            hour(db, pc1, "2026-03-29T01:00:00Z", 30); // open all hour, on half of it -> 30
            hour(db, pc1, "2026-03-29T02:00:00Z", 60); // 05:00 local, closed -> 0
            hour(db, pc1, "2026-03-30T06:00:00Z", 40); // open 30 of 60 minutes: 40 x 30/60 -> 20
            hour(db, pc1, "2026-03-30T07:00:00Z", 60); // CRIT 07:15-07:45Z: 60 x 30/60 -> 30
            hour(db, pc1, "2026-03-30T08:00:00Z", 45); // WARN is not CRIT -> 45
            hour(db, pc1, "2026-03-30T21:00:00Z", 60); // Tuesday 00:00 local, outside the range
            snapshot(db, pc1, "2026-03-28T23:45:00Z", "CRIT"); // its slot ends at 00:00Z, as the opening starts
            snapshot(db, pc1, "2026-03-30T07:15:00Z", "CRIT");
            snapshot(db, pc1, "2026-03-30T07:30:00Z", "CRIT");
            snapshot(db, pc1, "2026-03-30T07:45:00Z", "OK");
            snapshot(db, pc1, "2026-03-30T08:00:00Z", "WARN");
            snapshot(db, pc1, "2026-03-30T09:00:00Z", "CRIT"); // after closing
            // pc1: 60 + 30 + 20 + 30 + 45 = 185 of 270

            // pc2: open for it 07:00Z-09:00Z = 120 minutes, on all of them; the hour before its
            // enrolment is not counted against it
            hour(db, pc2, "2026-03-30T06:00:00Z", 60);
            hour(db, pc2, "2026-03-30T07:00:00Z", 60);
            hour(db, pc2, "2026-03-30T08:00:00Z", 60);
            hour(db, revoked, "2026-03-30T08:00:00Z", 60);
            hour(db, zora1, "2026-03-30T08:00:00Z", 60);

            AvailabilityQuery query = new AvailabilityQuery(db, new SettingsStore(JSON));
            List<PcAvailability> got = query.of(
                    List.of(club(RODINA), club("no-such-club"), club(ZORA)),
                    LocalDate.parse("2026-03-29"),
                    LocalDate.parse("2026-03-30"));

            assertEquals(
                    List.of(
                            new PcAvailability(RODINA, 1, 270, 185),
                            new PcAvailability(RODINA, 2, 120, 120),
                            new PcAvailability(ZORA, 1, 0, 0)),
                    got);
            assertEquals(68.5, got.get(0).percent()); // 185 / 270 = 68.52 %
            assertEquals(100.0, got.get(1).percent());
            assertTrue(Double.isNaN(got.get(2).percent()), "no opening hours: no percentage");
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void fallBackDayHasAnHourMoreOpen(String kind) throws Exception {
        try (Database db = TestDatabases.open(kind, temp)) {
            club(db, RODINA, WEEK);
            String pc1 = pc(db, RODINA, 1, "2026-01-10T08:00:00Z", false);
            // Sunday 25 October 2026: 02:00 local is 23:00Z on the 24th (UTC+3); at 04:00 the
            // clocks go back to 03:00, so 05:00 local is 03:00Z (UTC+2). Open 23:00Z-03:00Z: 240 minutes.
            hour(db, pc1, "2026-10-24T22:00:00Z", 60); // Sunday 01:00 local: closed -> 0
            hour(db, pc1, "2026-10-24T23:00:00Z", 60); // -> 60
            hour(db, pc1, "2026-10-25T00:00:00Z", 60); // -> 60
            hour(db, pc1, "2026-10-25T01:00:00Z", 60); // CRIT 01:00-01:15Z: 60 x 45/60 -> 45
            hour(db, pc1, "2026-10-25T02:00:00Z", 30); // -> 30
            hour(db, pc1, "2026-10-25T03:00:00Z", 60); // 05:00 local (UTC+2): closed -> 0
            snapshot(db, pc1, "2026-10-25T01:00:00Z", "CRIT");
            // 60 + 60 + 45 + 30 = 195 of 240

            List<PcAvailability> got = new AvailabilityQuery(db, new SettingsStore(JSON))
                    .of(List.of(club(RODINA)), LocalDate.parse("2026-10-25"), LocalDate.parse("2026-10-25"));

            assertEquals(List.of(new PcAvailability(RODINA, 1, 240, 195)), got);
            assertEquals(81.3, got.get(0).percent()); // 195 / 240 = 81.25 %
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void aPcNeverOnIsNotAvailableAndMinutesRoundToTheNearest(String kind) throws Exception {
        try (Database db = TestDatabases.open(kind, temp)) {
            // Mondays 09:10-10:00 local; in January Sofia is UTC+2: 07:10Z-08:00Z, 50 minutes
            club(db, RODINA, List.of(new OpeningHours(DayOfWeek.MONDAY, LocalTime.of(9, 10), LocalTime.of(10, 0))));
            pc(db, RODINA, 1, "2026-01-01T08:00:00Z", false);
            String pc2 = pc(db, RODINA, 2, "2026-01-01T08:00:00Z", false);
            hour(db, pc2, "2026-01-12T07:00:00Z", 1); // 1 x 50/60 = 0.83 -> 1
            hour(db, pc2, "2026-01-19T07:00:00Z", 1); // again: 1.67 in all -> 2

            List<PcAvailability> got = new AvailabilityQuery(db, new SettingsStore(JSON))
                    .of(List.of(club(RODINA)), LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-31"));

            // four Mondays (5, 12, 19, 26 January): 200 minutes open
            assertEquals(List.of(new PcAvailability(RODINA, 1, 200, 0), new PcAvailability(RODINA, 2, 200, 2)), got);
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void aRangeThatEndsBeforeItStartsIsRefused(String kind) throws Exception {
        try (Database db = TestDatabases.open(kind, temp)) {
            AvailabilityQuery query = new AvailabilityQuery(db, new SettingsStore(JSON));
            assertThrows(
                    IllegalArgumentException.class,
                    () -> query.of(
                            List.of(club(RODINA)), LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-01")));
        }
    }

    /** A club as the report holds it: in Sofia, as every club the test stores. */
    private static Club club(String id) {
        return new Club(id, id, "Стара Загора", ProgrammeFixture.SOFIA);
    }

    private static void club(Database db, String id, List<OpeningHours> week) throws Exception {
        String settings =
                week == null ? null : JSON.writeValueAsString(new ClubSettings(1, week, null, null, false, 5, 15));
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO clubs (id, name, place, time_zone, created_at)"
                    + " VALUES (?, ?, 'Стара Загора', 'Europe/Sofia', 0)")) {
                s.setString(1, id);
                s.setString(2, "НЧ „" + id + "“");
                s.executeUpdate();
            }
            if (settings != null) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO club_settings"
                        + " (club_id, version, settings, changed_at, changed_by) VALUES (?, 1, ?, 0, 'test')")) {
                    s.setString(1, id);
                    s.setString(2, settings);
                    s.executeUpdate();
                }
            }
            return null;
        });
    }

    private static String pc(Database db, String club, int number, String enrolledAt, boolean revoked)
            throws Exception {
        String id = UUID.randomUUID().toString();
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO devices (id, club_id, number, token_hash,"
                    + " revoked, agent_version, enrolled_at) VALUES (?, ?, ?, ?, ?, '0.1.0', ?)")) {
                s.setString(1, id);
                s.setString(2, club);
                s.setInt(3, number);
                s.setString(4, UUID.randomUUID().toString());
                s.setInt(5, revoked ? 1 : 0);
                s.setLong(6, Instant.parse(enrolledAt).getEpochSecond());
                s.executeUpdate();
            }
            return null;
        });
        return id;
    }

    private static void hour(Database db, String device, String hour, int poweredOnMinutes) throws Exception {
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO usage_hours (device_id, hour, sessions,"
                    + " guest_sessions, member_sessions, session_minutes, powered_on_minutes, batch_id)"
                    + " VALUES (?, ?, 0, 0, 0, 0, ?, 'b')")) {
                s.setString(1, device);
                s.setLong(2, Instant.parse(hour).getEpochSecond());
                s.setInt(3, poweredOnMinutes);
                s.executeUpdate();
            }
            return null;
        });
    }

    private static void snapshot(Database db, String device, String at, String overall) throws Exception {
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO health_snapshots (device_id, at, overall, checks) VALUES (?, ?, ?, '[]')")) {
                s.setString(1, device);
                s.setLong(2, Instant.parse(at).getEpochSecond());
                s.setString(3, overall);
                s.executeUpdate();
            }
            return null;
        });
    }
}
