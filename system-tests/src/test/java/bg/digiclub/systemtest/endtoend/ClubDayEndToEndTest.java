package bg.digiclub.systemtest.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import bg.digiclub.collector.report.Cell;
import bg.digiclub.collector.report.SmallCountSuppression;
import bg.digiclub.collector.report.SuppressedTable;
import bg.digiclub.collector.report.programme.ClubVisits;
import bg.digiclub.collector.report.programme.MonthCounts;
import bg.digiclub.collector.report.programme.VisitPublication;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Sex;
import bg.digiclub.common.link.TileCategory;
import bg.digiclub.systemtest.support.ClubPc;
import bg.digiclub.systemtest.support.ClubPrivacy;
import bg.digiclub.systemtest.support.ClubSimulation;
import bg.digiclub.systemtest.support.CollectorChecks;
import bg.digiclub.systemtest.support.CollectorUnderTest;
import bg.digiclub.systemtest.support.DashboardClient;
import bg.digiclub.systemtest.support.Expected;
import bg.digiclub.systemtest.support.FaultProxy;
import bg.digiclub.systemtest.support.RodinaMonday;
import bg.digiclub.systemtest.support.Visit;
import bg.digiclub.testsupport.PrivacyScan;
import bg.digiclub.testsupport.TestClock;

/**
 * A day at a club, from the kiosk to the municipality's dashboard: the kiosk's real socket client
 * talks to two real agents (link server, ledger, member cards), which seal the day at night and
 * upload it over real HTTP to the real collector; the numbers read back from the collector's
 * pages and CSV, signed in as the municipality and as the club's staff, equal what the sessions
 * were.
 */
class ClubDayEndToEndTest {
    private static final ZoneId SOFIA = TestClock.SOFIA;
    /** The day's month, the shortest period the dashboard breaks down by age, sex and tile. */
    private static final LocalDate MONTH_FROM = RodinaMonday.DAY.withDayOfMonth(1);

    private static final LocalDate MONTH_TO = YearMonth.from(RodinaMonday.DAY).atEndOfMonth();
    /** The day's month has ended and 5 more days have passed: its breakdowns are shown from this day. */
    private static final LocalDate SETTLED = MONTH_TO.plusDays(6);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "collector on {0}")
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aClubDayArrivesAtTheDashboardExactly(String store) throws Exception {
        TestClock clock =
                TestClock.sofia(RodinaMonday.DAY.atTime(7, 30).atZone(SOFIA).toInstant());
        List<Visit> visits = RodinaMonday.visits();
        Expected expected = new Expected(visits, SOFIA);
        try (CollectorUnderTest collector = new CollectorUnderTest(store, dir, clock);
                FaultProxy network = new FaultProxy(() -> collector.running() ? collector.port() : -1)) {
            // the municipality sets up the club and its logins with the collector's command line
            collector.addClub(RodinaMonday.CLUB, RodinaMonday.CLUB_NAME, RodinaMonday.PLACE);
            collector.addClub("zagore-probuda-1928", "НЧ „Пробуда – 1928“", "с. Загоре");
            String municipalityPassword = collector.addUser("obshtina", "MUNICIPALITY", null);
            String staffPassword = collector.addUser("rodina", "CLUB_STAFF", RodinaMonday.CLUB);
            String code = collector.newEnrolmentCode(RodinaMonday.CLUB);

            try (ClubPc pc1 = new ClubPc(dir.resolve("pc1"), clock, network.url(), Duration.ofSeconds(10));
                    ClubPc pc2 = new ClubPc(dir.resolve("pc2"), clock, network.url(), Duration.ofSeconds(10))) {
                assertEquals(RodinaMonday.CLUB, pc1.enrol(code).clubId());
                assertEquals(RodinaMonday.CLUB, pc2.enrol(code).clubId());
                try (ClubSimulation club = new ClubSimulation(clock, List.of(pc1, pc2))) {
                    club.issueCards(0, RodinaMonday.PC0_MEMBERS);
                    club.issueCards(1, RodinaMonday.PC1_MEMBERS);
                    club.day(RodinaMonday.DAY, RodinaMonday.OPEN, RodinaMonday.CLOSE, visits);
                    assertEquals(
                            27,
                            pc1.ledger()
                                            .sessionsOverlapping(Instant.EPOCH, clock.instant())
                                            .size()
                                    + pc2.ledger()
                                            .sessionsOverlapping(Instant.EPOCH, clock.instant())
                                            .size(),
                            "every session the kiosks started reached the ledgers");
                    club.nightAfter(RodinaMonday.DAY, java.time.LocalTime.of(6, 0));
                }
                assertEquals(0, pc1.waiting(), "PC 1 sent everything in the night");
                assertEquals(0, pc2.waiting(), "PC 2 sent everything in the night");

                String pc1Id = pc1.credentials().orElseThrow().deviceId().toString();
                String pc2Id = pc2.credentials().orElseThrow().deviceId().toString();
                CollectorChecks.assertHours(collector, RodinaMonday.CLUB, expected, Map.of(pc1Id, 0, pc2Id, 1));
                CollectorChecks.assertEverySealedBatchStored(collector, pc1, pc2);
                assertTrue(
                        collector.number("SELECT COUNT(*) FROM health_snapshots") >= 2 * 40,
                        "a health snapshot every 15 minutes while the PCs were on");

                // the next morning the day's month is still filling up: its totals at once, its breakdowns
                // only once it has settled (a month read on two days would subtract to who came between)
                assertMonthStillSettling(
                        expected, DashboardClient.signIn(collector.url(), "obshtina", municipalityPassword));
                clock.set(SETTLED.atTime(8, 0).atZone(SOFIA).toInstant());

                // the municipality signs in and reads the club's numbers
                DashboardClient municipality =
                        DashboardClient.signIn(collector.url(), "obshtina", municipalityPassword);
                // breakdowns by age, sex and tile only for whole months: the day's month holds only the day
                Map<String, String> row = single(municipality.csv(RodinaMonday.CLUB, MONTH_FROM, MONTH_TO));
                assertCsv(expected, row);
                assertClubPage(
                        expected,
                        municipality.document("/clubs/" + RodinaMonday.CLUB + "?from=" + RodinaMonday.DAY + "&to="
                                + RodinaMonday.DAY),
                        municipality.document(
                                "/clubs/" + RodinaMonday.CLUB + "?from=" + MONTH_FROM + "&to=" + MONTH_TO));

                // the club's staff see the same numbers, and only their club
                DashboardClient staff = DashboardClient.signIn(collector.url(), "rodina", staffPassword);
                assertEquals(row, single(staff.csv(RodinaMonday.CLUB, MONTH_FROM, MONTH_TO)));
                HttpResponse<String> other =
                        staff.get("/clubs/zagore-probuda-1928?from=" + RodinaMonday.DAY + "&to=" + RodinaMonday.DAY);
                assertEquals(403, other.statusCode(), "club staff must not see another club");

                PrivacyScan scan = ClubPrivacy.scan(visits, SOFIA, List.of(pc1.database(), pc2.database()));
                ClubPrivacy.assertClean(scan, network.captured());
            }
        }
    }

    /** The month, read before it has settled: exact totals, no breakdown, and the day they will come. */
    private static void assertMonthStillSettling(Expected expected, DashboardClient municipality) throws Exception {
        Map<String, String> row = single(municipality.csv(RodinaMonday.CLUB, MONTH_FROM, MONTH_TO));
        assertEquals(Long.toString(expected.sessions), row.get("sessions"));
        assertEquals(Long.toString(expected.memberDays), row.get("member_days"));
        row.forEach((column, value) -> {
            if (column.startsWith("sessions_") || column.startsWith("tile_sessions_")) {
                assertEquals("", value, column + " of a month still filling up");
            }
        });
        assertTrue(row.get("breakdowns_note").contains(SETTLED.toString()), row.get("breakdowns_note"));
        Document page =
                municipality.document("/clubs/" + RodinaMonday.CLUB + "?from=" + MONTH_FROM + "&to=" + MONTH_TO);
        assertEquals(Long.toString(expected.sessions), cardValue(page, "sessions"));
        assertTrue(page.getElementsByAttribute("data-cell").isEmpty(), "no breakdown of a month still filling up");
        assertTrue(page.getElementById("breakdowns-settling").text().contains(SETTLED.toString()));
    }

    private static void assertCsv(Expected expected, Map<String, String> row) {
        assertEquals(RodinaMonday.CLUB_NAME, row.get("club_name"));
        assertEquals(Long.toString(expected.sessions), row.get("sessions"));
        assertEquals("27", row.get("sessions"));
        assertEquals(Expected.hours(expected.minutes), row.get("session_hours"));
        assertEquals(Long.toString(expected.guests), row.get("guest_sessions"));
        assertEquals(Long.toString(expected.members), row.get("member_sessions"));
        assertEquals(Long.toString(expected.memberDays), row.get("member_days"));
        assertEquals("5", row.get("member_days"), "3 members on PC 1 and 2 on PC 2, one of them twice");
        assertEquals("2", row.get("devices_active"));

        // the designed table: big cells shown, small ones "<5", empty ones 0; the month rule hides two
        // more ("x"): the 5 men aged 30-54 beside 2 women (row total 7 shown), and the 6 undeclared
        // beside 1 undeclared 16-17-year-old (column total 7 shown)
        assertEquals("7", row.get("sessions_age_65_74_female"));
        assertEquals("x", row.get("sessions_age_30_54_male"));
        assertEquals("7", row.get("sessions_age_30_54_total"));
        assertEquals("x", row.get("sessions_not_declared_not_declared"));
        assertEquals("7", row.get("sessions_total_not_declared"));
        assertEquals("<5", row.get("sessions_age_18_24_female"));
        assertEquals("<5", row.get("sessions_age_55_64_male"));
        assertEquals("<5", row.get("sessions_age_16_17_not_declared"));
        assertEquals("<5", row.get("sessions_age_75_plus_male"));
        assertEquals("<5", row.get("sessions_age_30_54_female"));
        assertEquals("0", row.get("sessions_age_25_29_female"));
        assertEquals("27", row.get("sessions_total"));
        assertEquals("7", row.get("tile_sessions_learning"), "sessions that used a learning tile");
        assertEquals("6", row.get("tile_sessions_e_government"), "sessions that used an e-government tile");
        assertEquals("<5", row.get("tile_sessions_health"), "2 sessions that used a health tile");
        long[] tiles = expected.tileSessionsTotal();
        for (TileCategory category : TileCategory.values()) {
            String column = "tile_sessions_" + category.key().replace('-', '_');
            assertEquals(SmallCountSuppression.alone(tiles[category.ordinal()]).text(), row.get(column), column);
            assertShownIsTrue(tiles[category.ordinal()], row.get(column), column);
        }

        // and every cell as the collector's month rule makes it of the true table
        SuppressedTable table = published(expected).byAgeAndSex().table();
        AgeBand[] bands = AgeBand.values();
        Sex[] sexes = Sex.values();
        for (int r = 0; r < bands.length; r++) {
            for (int c = 0; c < sexes.length; c++) {
                String column = "sessions_" + lower(bands[r]) + "_" + lower(sexes[c]);
                assertEquals(table.cell(r, c).text(), row.get(column), column);
                assertShownIsTrue(expected.demographics[r][c], row.get(column), column);
            }
            assertEquals(table.rowTotals()[r].text(), row.get("sessions_" + lower(bands[r]) + "_total"));
        }
        for (int c = 0; c < sexes.length; c++) {
            assertEquals(table.columnTotals()[c].text(), row.get("sessions_total_" + lower(sexes[c])));
        }
    }

    /** A shown number is the true one; a true 1-4 is never shown. */
    private static void assertShownIsTrue(long truth, String shown, String column) {
        if (shown.equals("<5") || shown.equals("x")) {
            assertTrue(truth > 0, column + ": zero must be shown as 0, was " + shown);
            if (shown.equals("<5")) {
                assertTrue(truth < 5, column + ": <5 for " + truth);
            }
        } else {
            assertEquals(Long.toString(truth), shown, column);
            assertTrue(truth == 0 || truth >= 5, column + ": a count of " + truth + " shown");
        }
    }

    /** The day's month as the collector publishes it: the day is all the month holds. */
    private static ClubVisits published(Expected expected) {
        MonthCounts november = new MonthCounts(
                YearMonth.from(RodinaMonday.DAY),
                Map.of(RodinaMonday.CLUB, expected.demographics),
                Map.of(RodinaMonday.CLUB, expected.tileSessionsTotal()));
        return VisitPublication.publishByAgeBand(List.of(november)).byClub().get(RodinaMonday.CLUB);
    }

    /**
     * @param page      the club page of the day: its totals, sessions per day and heatmap, and no breakdowns
     * @param monthPage the club page of the day's month: its breakdowns by age, sex and tile
     */
    private static void assertClubPage(Expected expected, Document page, Document monthPage) {
        assertEquals(Long.toString(expected.sessions), cardValue(page, "sessions"));
        assertEquals(Expected.hours(expected.minutes), cardValue(page, "hours"));
        assertEquals(expected.guests + "/" + expected.members, cardValue(page, "guests"));
        assertEquals(Long.toString(expected.memberDays), cardValue(page, "member-days"));
        assertEquals("2от2", cardValue(page, "devices-active"));
        assertFalse(
                page.getElementsByAttributeValue("data-health", "GREEN").isEmpty(), "both PCs reported every check OK");

        // sessions per day (bar tooltips) and sessions per weekday x hour (heatmap tooltips)
        Map<String, String> bars = new TreeMap<>();
        Pattern barTitle = Pattern.compile("(\\d{4}-\\d{2}-\\d{2}): (\\d+) сесии, ([0-9.]+) ч");
        for (Element title : page.select("svg title")) {
            Matcher bar = barTitle.matcher(title.text());
            if (bar.matches()) {
                bars.put(bar.group(1), bar.group(2) + " / " + bar.group(3));
            }
        }
        Map<String, String> expectedBars = new TreeMap<>();
        expected.days.forEach((day, v) -> expectedBars.put(day.toString(), v[0] + " / " + Expected.hours(v[1])));
        assertEquals(expectedBars, bars, "sessions and hours per day");

        String[] weekdays = {"Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Нд"};
        Map<String, Long> heat = new HashMap<>();
        Pattern heatTitle = Pattern.compile("(\\S+) (\\d{2}):00–\\d{2}:59: (\\d+) сесии");
        for (Element title : page.select("svg title")) {
            Matcher cell = heatTitle.matcher(title.text());
            if (cell.matches()) {
                heat.put(cell.group(1) + " " + cell.group(2), Long.parseLong(cell.group(3)));
            }
        }
        assertEquals(7 * 24, heat.size(), "a full heatmap");
        for (int d = 0; d < 7; d++) {
            for (int h = 0; h < 24; h++) {
                String key = weekdays[d] + " " + String.format(Locale.ROOT, "%02d", h);
                assertEquals(expected.heatmap[d][h], heat.get(key), "sessions started " + key);
            }
        }

        assertNotNull(page.getElementById("whole-months-only"), "a day is not whole months: totals only");
        assertTrue(page.getElementsByAttribute("data-cell").isEmpty(), "no breakdown of a day");

        // sessions that used each kind of tile, with the export's suppression
        long[] tiles = expected.tileSessionsTotal();
        for (TileCategory category : TileCategory.values()) {
            assertEquals(
                    SmallCountSuppression.alone(tiles[category.ordinal()]).text(),
                    cellText(monthPage, category.toString()),
                    category.toString());
        }
        assertEquals("7", cellText(monthPage, "LEARNING"), "7 sessions used a learning tile");

        // the page's age x sex table carries the same suppression as the export
        SuppressedTable table = published(expected).byAgeAndSex().table();
        for (AgeBand band : AgeBand.values()) {
            for (Sex sex : Sex.values()) {
                Cell want = table.cell(band.ordinal(), sex.ordinal());
                assertEquals(want.text(), cellText(monthPage, band + "-" + sex), band + "-" + sex);
            }
        }
    }

    /** A card's value as shown, without the spaces (thin ones too) that group thousands and words. */
    private static String cardValue(Document page, String id) {
        Element card = page.getElementById(id);
        assertNotNull(card, "card " + id + " on the club page");
        return card.text().replace('\u202f', ' ').replace(" ", "");
    }

    /** The text of the table cell marked {@code data-cell=key} (one, with no markup inside). */
    private static String cellText(Document page, String key) {
        Elements cells = page.getElementsByAttributeValue("data-cell", key);
        assertEquals(1, cells.size(), "one cell " + key + " on the page");
        Element cell = cells.first();
        assertEquals("td", cell.normalName(), "cell " + key + " is a table cell");
        assertEquals(0, cell.childrenSize(), "cell " + key + " holds text only");
        return cell.text();
    }

    private static Map<String, String> single(List<Map<String, String>> rows) {
        assertEquals(1, rows.size(), "one club, one row: " + rows);
        return rows.get(0);
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
