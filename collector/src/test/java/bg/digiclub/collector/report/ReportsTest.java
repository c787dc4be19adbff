package bg.digiclub.collector.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import bg.digiclub.collector.demo.DemoClub;
import bg.digiclub.collector.demo.DemoClubs;
import bg.digiclub.collector.demo.DemoSeeder;
import bg.digiclub.collector.store.ClubStore;
import bg.digiclub.collector.store.Database;
import bg.digiclub.collector.testing.TestDatabases;
import bg.digiclub.common.batch.StrictJson;

/** Totals read from month and day aggregates equal the day-by-day sums, for any period. */
class ReportsTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void periodTotalsEqualTheSumOfTheirDays(String kind) throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC);
        try (Database db = TestDatabases.open(kind, temp)) {
            List<DemoClub> two = DemoClubs.staraZagora().subList(5, 7);
            DemoSeeder seeder = new DemoSeeder(db, clock);
            seeder.seed(seeder.enrol(two), 100, 7, 0, 3L);
            Reports reports = new Reports(db, new ClubStore(db), StrictJson.mapper());
            String[][] periods = {
                {"2026-08-17", "2026-11-24"},
                {"2026-09-01", "2026-10-31"},
                {"2026-09-10", "2026-09-20"},
                {"2026-09-01", "2026-09-30"},
                {"2026-10-15", "2026-11-01"},
                {"2026-08-01", "2026-11-25"}
            };
            for (String[] p : periods) {
                Period period = new Period(LocalDate.parse(p[0]), LocalDate.parse(p[1]));
                for (ClubSummary summary : reports.overview(period)) {
                    assertEquals(
                            sum(db, "sessions", summary.club().id(), period),
                            summary.sessions(),
                            summary.club().id() + " " + p[0] + ".." + p[1]);
                    assertEquals(sum(db, "member_days", summary.club().id(), period), summary.memberDays());
                    assertEquals(sum(db, "session_minutes", summary.club().id(), period), summary.sessionMinutes());
                }
            }
        }
    }

    private static long sum(Database db, String column, String club, Period period) throws Exception {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(SUM(" + column + "), 0) FROM club_days "
                    + "WHERE club_id = ? AND day BETWEEN ? AND ?")) {
                s.setString(1, club);
                s.setLong(2, period.fromEpochDay());
                s.setLong(3, period.toEpochDay());
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        });
    }
}
