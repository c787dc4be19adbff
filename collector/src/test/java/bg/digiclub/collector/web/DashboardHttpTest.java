package bg.digiclub.collector.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.collector.demo.DemoClubs;
import bg.digiclub.collector.demo.SyntheticBatches;
import bg.digiclub.collector.store.Club;
import bg.digiclub.collector.store.ClubStore;
import bg.digiclub.collector.testing.CsvTable;
import bg.digiclub.collector.testing.RunningCollector;
import bg.digiclub.common.batch.Batch;
import bg.digiclub.common.batch.DayUsage;
import bg.digiclub.common.batch.DemographicCount;
import bg.digiclub.common.batch.EnrolmentResponse;
import bg.digiclub.common.batch.Evictions;
import bg.digiclub.common.batch.HourUsage;
import bg.digiclub.common.batch.TileCategoryCount;
import bg.digiclub.common.batch.UsagePayload;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Sex;
import bg.digiclub.common.link.TileCategory;

/** The dashboard over real HTTP: sign-in, throttling, who sees what, the numbers and the CSV. */
class DashboardHttpTest {
    @TempDir
    Path temp;

    /** 23 sessions at Rodina on 2026-11-24: 12 women 65-74, 7 men 55-64, 3 women 18-24, 1 undeclared. */
    static void uploadRodinaDay(RunningCollector c, EnrolmentResponse pc) throws Exception {
        Instant nine = Instant.parse("2026-11-24T07:00:00Z");
        List<HourUsage> hours = List.of(
                new HourUsage(nine, 10, 6, 4, 55, 60),
                new HourUsage(nine.plus(Duration.ofHours(1)), 8, 5, 3, 60, 60),
                new HourUsage(nine.plus(Duration.ofHours(5)), 5, 5, 0, 45, 60));
        List<DemographicCount> cells = List.of(
                new DemographicCount(AgeBand.AGE_65_74, Sex.FEMALE, 12),
                new DemographicCount(AgeBand.AGE_55_64, Sex.MALE, 7),
                new DemographicCount(AgeBand.AGE_18_24, Sex.FEMALE, 3),
                new DemographicCount(AgeBand.NOT_DECLARED, Sex.NOT_DECLARED, 1));
        uploadDay(c, pc, 1, hours, new DayUsage(LocalDate.parse("2026-11-24"), cells, 5, List.of()));
    }

    /** One PC's batch of one Sofia day at Rodina, numbered {@code sequence}, stored (200). */
    private static void uploadDay(
            RunningCollector c, EnrolmentResponse pc, long sequence, List<HourUsage> hours, DayUsage day)
            throws Exception {
        Instant midnight = day.day().atStartOfDay(DemoClubs.SOFIA).toInstant();
        Batch batch = Batch.usage(
                UUID.randomUUID(),
                pc.deviceId(),
                pc.clubId(),
                "0.1.0",
                "Europe/Sofia",
                midnight,
                midnight.plus(Duration.ofDays(1)),
                sequence,
                Evictions.NONE,
                new UsagePayload(hours, List.of(day)));
        HttpResponse<String> response =
                c.http.upload(pc.token(), batch.batchId().toString(), c.json.writeValueAsBytes(batch));
        assertEquals(200, response.statusCode(), response.body());
    }

    /** The text of a demographic table's cell, by its row and column ({@code AGE_18_24-FEMALE}). */
    static String cell(Document page, String key) {
        return page.selectFirst("td[data-cell=" + key + "]").text();
    }

    /** Rodina's page for November: whole months, so with its breakdowns once November has settled. */
    private static final String NOVEMBER_PAGE = "/clubs/sz-rodina-1860?from=2026-11-01&to=2026-11-30";

    /** November has ended and 5 more days have passed: its breakdowns are shown from this day. */
    static final Instant NOVEMBER_SETTLED = Instant.parse("2026-12-06T06:00:00Z");

    @Test
    void municipalitySeesEveryClubAndTheNumbers() throws Exception {
        try (RunningCollector c = new RunningCollector("sqlite", temp)) {
            uploadRodinaDay(c, c.enrol(RunningCollector.RODINA_CODE));
            c.clock.set(NOVEMBER_SETTLED);
            String cookie = c.login("obshtina", RunningCollector.PASSWORD);
            String period = "from=2026-11-01&to=2026-11-24";
            HttpResponse<String> overview = c.get(cookie, "/?" + period);
            assertEquals(200, overview.statusCode());
            Document page = Jsoup.parse(overview.body());
            assertEquals(
                    "НЧ „Родина – 1860“",
                    page.selectFirst("tr[data-club=sz-rodina-1860] a").text());
            assertEquals(
                    "НЧ „Пробуда – 1928“",
                    page.selectFirst("tr[data-club=zagore-probuda-1928] a").text());
            assertEquals("23", page.getElementById("total-sessions").text(), "23 sessions in all");
            assertTrue(overview.headers()
                    .firstValue("Content-Security-Policy")
                    .orElse("")
                    .contains("default-src 'self'"));

            // a period of days: its totals, and no breakdown that an overlapping period could be subtracted from
            Document days =
                    Jsoup.parse(c.get(cookie, "/clubs/sz-rodina-1860?" + period).body());
            assertEquals("23", days.getElementById("sessions").text(), "23 sessions");
            assertNotNull(days.getElementById("whole-months-only"));
            assertTrue(days.select("#demographics, #tile-categories").isEmpty(), "no breakdowns for days");

            Document club = Jsoup.parse(c.get(cookie, "/clubs/sz-rodina-1860?from=2026-11-01&to=2026-11-30")
                    .body());
            assertEquals("23", club.getElementById("sessions").text(), "23 sessions");
            assertNull(club.getElementById("whole-months-only"));
            assertEquals("2.7", club.getElementById("hours").text(), "2.7 hours");
            assertEquals("5", club.getElementById("member-days").text(), "5 member-days");
            assertEquals("12", cell(club, "AGE_65_74-FEMALE"), "12 women aged 65-74 shown");
            assertEquals("7", cell(club, "AGE_55_64-MALE"), "7 men aged 55-64 shown");
            assertEquals("x", cell(club, "TOTAL-FEMALE"), "the women's total would reveal the 3");
            assertEquals("<5", cell(club, "AGE_18_24-FEMALE"), "3 shown as <5");
            assertEquals("23", cell(club, "TOTAL-TOTAL"), "grand total");
            assertEquals(
                    "75+",
                    club.select("#demographics tbody th")
                            .get(AgeBand.AGE_75_PLUS.ordinal())
                            .text(),
                    "the kiosk's label");
            assertEquals("svg", club.getElementById("sessions-chart").tagName());
            assertTrue(club.getElementById("sessions-chart").hasClass("chart"));
            assertNotNull(club.getElementById("heatmap"));
        }
    }

    @Test
    void csvHasTheNumbersWithSmallCountsHidden() throws Exception {
        try (RunningCollector c = new RunningCollector("sqlite", temp)) {
            uploadRodinaDay(c, c.enrol(RunningCollector.RODINA_CODE));
            c.clock.set(NOVEMBER_SETTLED);
            String cookie = c.login("obshtina", RunningCollector.PASSWORD);
            HttpResponse<String> csv = c.get(cookie, "/export.csv?club=all&from=2026-11-01&to=2026-11-30");
            assertEquals(200, csv.statusCode());
            assertTrue(
                    csv.headers().firstValue("Content-Disposition").orElse("").contains("attachment"));
            assertTrue(csv.body().startsWith("\uFEFF"), "a byte order mark for spreadsheet programs");
            CsvTable table = CsvTable.parse(csv.body());
            assertEquals(3, table.rows().size(), "two clubs and the total: " + table.rows());
            Map<String, String> rodina = table.club("sz-rodina-1860").orElseThrow();
            assertEquals("23", rodina.get("sessions"));
            assertEquals("2.7", rodina.get("session_hours"));
            assertEquals("5", rodina.get("member_days"));
            assertEquals("12", rodina.get("sessions_age_65_74_female"));
            assertEquals("<5", rodina.get("sessions_age_18_24_female"));
            assertEquals("<5", rodina.get("sessions_not_declared_not_declared"));
            assertEquals("23", rodina.get("sessions_total"));
            assertFalse(rodina.containsValue("3"), "no hidden 3 in " + rodina);
        }
    }

    /**
     * Staff read the current month, visitors come, staff read it again: the two readings must not
     * subtract to anything about those visitors but their number. The second day's 6 men aged 18-24
     * and 2 women over 75 (who opened 8 learning tiles) are shown nowhere until November has settled.
     */
    @Test
    void aMonthStillFillingUpShowsNothingOfWhoCameBetweenTwoReadings() throws Exception {
        try (RunningCollector c = new RunningCollector("sqlite", temp)) {
            EnrolmentResponse pc = c.enrol(RunningCollector.RODINA_CODE);
            uploadRodinaDay(c, pc);
            Reading before = Reading.of(c, c.login("obshtina", RunningCollector.PASSWORD));

            c.clock.set(Instant.parse("2026-11-26T06:00:00Z"));
            uploadDay(
                    c,
                    pc,
                    2,
                    List.of(new HourUsage(Instant.parse("2026-11-25T08:00:00Z"), 8, 8, 0, 60, 60)),
                    new DayUsage(
                            LocalDate.parse("2026-11-25"),
                            List.of(
                                    new DemographicCount(AgeBand.AGE_18_24, Sex.MALE, 6),
                                    new DemographicCount(AgeBand.AGE_75_PLUS, Sex.FEMALE, 2)),
                            0,
                            List.of(new TileCategoryCount(TileCategory.LEARNING, 8))));
            Reading after = Reading.of(c, c.login("obshtina", RunningCollector.PASSWORD));

            // the two readings differ in the totals alone: nothing by age, sex or tile to subtract
            Map<String, String> changed = new TreeMap<>();
            Map<String, String> was = before.figures();
            after.figures().forEach((name, now) -> {
                if (!now.equals(was.get(name))) {
                    changed.put(name, was.get(name) + " -> " + now);
                }
            });
            assertEquals(
                    List.of("csv:guest_sessions", "csv:session_hours", "csv:sessions"),
                    List.copyOf(changed.keySet()),
                    "what changed between the readings: " + changed);
            assertEquals("23", before.page().getElementById("sessions").text());
            assertEquals("31", after.page().getElementById("sessions").text(), "the totals are exact at once");
            assertEquals("31", after.csv().get("sessions"));
            for (Reading reading : List.of(before, after)) {
                assertTrue(
                        reading.page()
                                .select("td[data-cell], #demographics, #tile-categories")
                                .isEmpty(),
                        "no breakdown on the page of a month still filling up");
                for (Map.Entry<String, String> column : reading.csv().entrySet()) {
                    if (column.getKey().startsWith("sessions_")
                            || column.getKey().startsWith("tile_sessions_")) {
                        assertEquals("", column.getValue(), column.getKey());
                    }
                }
                assertTrue(reading.page()
                        .getElementById("breakdowns-settling")
                        .text()
                        .contains("2026-12-06"));
                assertTrue(
                        reading.csv().get("breakdowns_note").contains("2026-12-06"),
                        reading.csv().toString());
                assertTrue(reading.csv().get("breakdowns_note").startsWith("Разбивките"), "in the page's language");
            }

            // in English too, with the same day
            Reading english = Reading.of(c, c.login("obshtina", RunningCollector.PASSWORD) + "; digiclub_language=en");
            String note = english.page().getElementById("breakdowns-settling").text();
            assertTrue(note.startsWith("Breakdowns by age") && note.contains("2026-12-06"), note);
            assertEquals(note, english.csv().get("breakdowns_note"), "the CSV says the same");

            // once November has settled, the month is broken down, both days in it
            c.clock.set(NOVEMBER_SETTLED);
            Reading settled = Reading.of(c, c.login("obshtina", RunningCollector.PASSWORD));
            assertNull(settled.page().getElementById("breakdowns-settling"));
            assertEquals("6", cell(settled.page(), "AGE_18_24-MALE"));
            assertEquals("6", settled.csv().get("sessions_age_18_24_male"));
            assertEquals("", settled.csv().get("breakdowns_note"));
        }
    }

    /** Rodina's November page and its CSV row, as the municipality reads them. */
    private record Reading(Document page, Map<String, String> csv) {
        static Reading of(RunningCollector c, String cookie) throws Exception {
            Document page = Jsoup.parse(c.get(cookie, NOVEMBER_PAGE).body());
            CsvTable csv = CsvTable.parse(c.get(cookie, "/export.csv?club=sz-rodina-1860&from=2026-11-01&to=2026-11-30")
                    .body());
            return new Reading(page, csv.club("sz-rodina-1860").orElseThrow());
        }

        /** Every breakdown cell of the page ({@code page:<cell>}) and every column of the CSV ({@code csv:<column>}). */
        Map<String, String> figures() {
            Map<String, String> figures = new TreeMap<>();
            for (Element cell : page.select("td[data-cell]")) {
                figures.put("page:" + cell.attr("data-cell"), cell.text());
            }
            csv.forEach((column, value) -> figures.put("csv:" + column, value));
            return figures;
        }
    }

    @Test
    void aClubNamedWithACommaQuotesAndMarkupReadsTheSameOnThePageAndInTheCsv() throws Exception {
        try (RunningCollector c = new RunningCollector("sqlite", temp)) {
            String name = "Читалище \"Родина\", Бургас";
            String place = "<b>Бургас</b> & 'Изгрев'";
            new ClubStore(c.database).saveClub(new Club("bs-rodina", name, place, DemoClubs.SOFIA), c.clock.instant());
            String cookie = c.login("obshtina", RunningCollector.PASSWORD);

            Document overview = Jsoup.parse(c.get(cookie, "/").body());
            Element row = overview.selectFirst("tr[data-club=bs-rodina]");
            assertEquals(name, row.selectFirst("a").text());
            assertEquals(place, row.select("td").get(1).text(), "markup in a name is text, not markup");
            assertTrue(overview.select("#clubs b").isEmpty(), "no <b> got through");

            Document club = Jsoup.parse(c.get(cookie, "/clubs/bs-rodina").body());
            assertEquals(name, club.getElementById("club-name").text());
            assertEquals(name + " — DigiClub", club.title());
            assertTrue(club.select(".place b").isEmpty(), "no <b> got through");

            CsvTable csv =
                    CsvTable.parse(c.get(cookie, "/export.csv?club=bs-rodina").body());
            assertEquals(1, csv.rows().size());
            assertEquals(name, csv.rows().get(0).get("club_name"));
            assertEquals(place, csv.rows().get(0).get("place"));
            assertEquals("0", csv.rows().get(0).get("sessions"), "the comma moved no column");
            CsvTable all = CsvTable.parse(c.get(cookie, "/export.csv?club=all").body());
            assertEquals(name, all.club("bs-rodina").orElseThrow().get("club_name"));
        }
    }

    @Test
    void pagesAreBulgarianUntilEnglishIsChosenInTheTopBar() throws Exception {
        try (RunningCollector c = new RunningCollector("sqlite", temp)) {
            c.clock.set(NOVEMBER_SETTLED);
            String cookie = c.login("obshtina", RunningCollector.PASSWORD);
            HttpResponse<String> bgResponse = c.http.send(c.http.request(NOVEMBER_PAGE)
                    .header("Cookie", cookie)
                    .header("Accept-Language", "en-GB,en;q=0.9")
                    .GET());
            Document bg = Jsoup.parse(bgResponse.body());
            assertEquals("bg", bg.selectFirst("html").attr("lang"), "a browser's own language changes nothing");
            assertEquals("Възраст", bg.selectFirst("#demographics thead th").text());
            assertEquals(
                    "/language/en?back=" + URLEncoder.encode(NOVEMBER_PAGE, StandardCharsets.UTF_8),
                    bg.getElementById("language").attr("href"),
                    "the switch comes back to this page");

            HttpResponse<String> choose = c.get(cookie, "/language/en");
            assertEquals(302, choose.statusCode());
            String language = choose.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(language.startsWith("digiclub_language=en"), language);
            assertTrue(language.contains("SameSite=Strict"), language);
            Document en = Jsoup.parse(
                    c.get(cookie + "; digiclub_language=en", NOVEMBER_PAGE).body());
            assertEquals("en", en.selectFirst("html").attr("lang"));
            assertEquals("Age", en.selectFirst("#demographics thead th").text());
            assertEquals(
                    "75+",
                    en.select("#demographics tbody th")
                            .get(AgeBand.AGE_75_PLUS.ordinal())
                            .text());
            assertEquals(
                    "Sessions",
                    en.getElementById("sessions").parent().selectFirst(".label").text());
            assertEquals(
                    "Sessions with a “Learning” tile",
                    en.selectFirst("td[data-cell=LEARNING]")
                            .parent()
                            .selectFirst("th")
                            .text());
            assertEquals(
                    "/language/bg?back=" + URLEncoder.encode(NOVEMBER_PAGE, StandardCharsets.UTF_8),
                    en.getElementById("language").attr("href"));
            assertEquals(302, c.get(cookie, "/language/fr").statusCode(), "an unknown language changes nothing");
        }
    }

    @Test
    void clubStaffSeeOnlyTheirOwnClub() throws Exception {
        try (RunningCollector c = new RunningCollector("sqlite", temp)) {
            uploadRodinaDay(c, c.enrol(RunningCollector.RODINA_CODE));
            EnrolmentResponse zagorePc = c.enrol(RunningCollector.ZAGORE_CODE);
            String cookie = c.login("rodina", RunningCollector.PASSWORD);
            HttpResponse<String> home = c.get(cookie, "/");
            assertEquals(302, home.statusCode());
            assertEquals(
                    "/clubs/sz-rodina-1860",
                    home.headers().firstValue("Location").orElse(""));
            assertEquals(200, c.get(cookie, "/clubs/sz-rodina-1860").statusCode());
            assertEquals(403, c.get(cookie, "/clubs/zagore-probuda-1928").statusCode());
            assertEquals(403, c.get(cookie, "/devices/" + zagorePc.deviceId()).statusCode());
            assertEquals(
                    403, c.get(cookie, "/export.csv?club=zagore-probuda-1928").statusCode());
            HttpResponse<String> own = c.get(cookie, "/export.csv?club=all&from=2026-11-24&to=2026-11-24");
            assertEquals(200, own.statusCode());
            assertFalse(own.body().contains("zagore"), own.body());
            assertTrue(own.body().contains("sz-rodina-1860"));
        }
    }

    @Test
    void pagesNeedASignInAndFailedSignInsAreThrottled() throws Exception {
        try (RunningCollector c = new RunningCollector("sqlite", temp)) {
            HttpResponse<String> anonymous =
                    c.http.send(c.http.request("/clubs/sz-rodina-1860").GET());
            assertEquals(302, anonymous.statusCode());
            assertEquals("/login", anonymous.headers().firstValue("Location").orElse(""));
            assertEquals(302, c.http.send(c.http.request("/export.csv").GET()).statusCode());
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> wrong = c.http.send(c.http.request("/login")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=obshtina&password=wrong" + i)));
                assertEquals(401, wrong.statusCode());
            }
            HttpResponse<String> locked = c.http.send(c.http.request("/login")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "username=obshtina&password=" + RunningCollector.PASSWORD.replace(" ", "+"))));
            assertEquals(429, locked.statusCode(), "even the right password waits while locked");
            c.clock.advance(Duration.ofSeconds(31));
            String cookie = c.login("obshtina", RunningCollector.PASSWORD);
            assertEquals(200, c.get(cookie, "/").statusCode());
            c.http.send(c.http.request("/logout").header("Cookie", cookie).POST(HttpRequest.BodyPublishers.noBody()));
            assertEquals(302, c.get(cookie, "/").statusCode(), "signed out");
        }
    }

    @Test
    void devicePageShowsHealthHistory() throws Exception {
        try (RunningCollector c = new RunningCollector("sqlite", temp)) {
            EnrolmentResponse pc = c.enrol(RunningCollector.RODINA_CODE);
            var synthetic = new SyntheticBatches(new Random(1), "0.1.0");
            Batch health = synthetic.health(
                    pc.deviceId(), pc.clubId(), ZoneId.of("Europe/Sofia"), LocalDate.parse("2026-11-24"), 1, 96, true);
            assertEquals(
                    200,
                    c.http.upload(pc.token(), health.batchId().toString(), c.json.writeValueAsBytes(health))
                            .statusCode());
            String cookie = c.login("rodina", RunningCollector.PASSWORD);
            Document page = Jsoup.parse(c.get(cookie, "/devices/" + pc.deviceId() + "?from=2026-11-20&to=2026-11-24")
                    .body());
            assertNotNull(page.getElementById("health-chart"), "health chart");
            assertTrue(page.select("#checks li").eachText().contains("disk:/: WARN"), "current disk check");
            assertEquals(
                    "2026-11-24", page.selectFirst("#health-days tbody tr td").text(), "the day's summary");
            Document club = Jsoup.parse(c.get(cookie, "/clubs/sz-rodina-1860").body());
            assertFalse(club.select("[data-health=RED], [data-health=AMBER]").isEmpty(), "unhealthy club");
        }
    }
}
