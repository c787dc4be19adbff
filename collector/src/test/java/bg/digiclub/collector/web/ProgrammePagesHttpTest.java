package bg.digiclub.collector.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.collector.report.programme.ProgrammeReport;
import bg.digiclub.collector.report.programme.ProgrammeReports;
import bg.digiclub.collector.report.programme.ReportPeriod;
import bg.digiclub.collector.report.programme.ReportScope;
import bg.digiclub.collector.testing.RunningCollector;
import bg.digiclub.common.link.Sex;

/**
 * The programme report page over real HTTP: every published figure is on the page as published
 * (hidden cells as "<5" and "x", with the legend), the tables have real headers, the pickers and
 * links keep the scope and period, and a club's staff reach their club's report only.
 */
class ProgrammePagesHttpTest {
    @TempDir
    Path temp;

    /** What the page asked the service for, and the sample reports it answers with. */
    private static final class Answering implements ProgrammeReports {
        final List<String> asked = new ArrayList<>();

        @Override
        public Optional<ProgrammeReport> report(ReportScope scope, ReportPeriod period) {
            asked.add(scope.name() + " " + period.name());
            if (scope.isMunicipality()) {
                return Optional.of(
                        period.isCalendarPeriod()
                                ? ProgrammeSamples.municipalityQuarter()
                                : ProgrammeSamples.municipalityCustom());
            }
            if (scope.clubId().equals(ProgrammeSamples.RODINA)) {
                return Optional.of(ProgrammeSamples.club(ProgrammeSamples.RODINA, "НЧ „Родина – 1860“", period));
            }
            return Optional.empty();
        }
    }

    /** The real collector serving the page from {@code reports}. */
    private RunningCollector collector(ProgrammeReports reports) throws Exception {
        return new RunningCollector("sqlite", temp, (db, clock) -> reports);
    }

    private static Document page(RunningCollector c, String cookie, String path) throws Exception {
        HttpResponse<String> answer = c.get(cookie, path);
        assertEquals(200, answer.statusCode(), answer.body());
        return Jsoup.parse(answer.body());
    }

    private static String cell(Document page, String key) {
        Element cell = page.selectFirst("td[data-cell=" + key + "]");
        assertNotNull(cell, "cell " + key);
        return cell.text();
    }

    @Test
    void everyPublishedFigureIsOnThePageAsPublished() throws Exception {
        Answering reports = new Answering();
        try (RunningCollector c = collector(reports)) {
            String cookie = c.login("obshtina", RunningCollector.PASSWORD);
            Document page = page(c, cookie, "/reports/programme?scope=municipality&period=2026-Q3");
            assertEquals(List.of("municipality 2026-Q3"), reports.asked);
            assertEquals(
                    "Община Стара Загора", page.getElementById("report-scope").text());
            assertEquals(
                    "III тримесечие 2026 г.",
                    page.getElementById("report-period").text());
            assertEquals(
                    "2026-11-25 11:30", page.getElementById("report-generated").text(), "Sofia's time");

            // clubs operational: one row per club, its own header cell
            assertEquals(4, page.select("#clubs-operational tbody tr").size());
            Element kirilovo = page.selectFirst("#clubs-operational tr[data-club=kirilovo-izgrev-1921]");
            assertEquals(
                    "НЧ „Изгрев – 1921“", kirilovo.selectFirst("th[scope=row]").text());
            assertEquals("2", kirilovo.selectFirst("[data-field=enrolled-pcs]").text());
            assertEquals("0", kirilovo.selectFirst("[data-field=active-pcs]").text());
            assertEquals(
                    "2026-09-28",
                    kirilovo.selectFirst("[data-field=enrolled-on]").text());
            assertEquals("—", kirilovo.selectFirst("[data-field=first-session]").text(), "no session yet");
            assertEquals(
                    "1 184",
                    page.selectFirst("tr[data-club=sz-rodina-1860] [data-field=visits]")
                            .text()
                            .replace('\u202f', ' '));

            // visits by month, exact, with the period's total
            assertEquals(
                    "юли 2026", page.selectFirst("tr[data-month=2026-07] th").text());
            assertEquals("512", page.selectFirst("tr[data-month=2026-07] td").text());
            assertEquals("1 586", page.getElementById("visits-total").text().replace('\u202f', ' '));

            // visits by age x sex: every cell, hidden ones as published, margins exact
            for (int r = 0; r < ProgrammeSamples.ROWS.size(); r++) {
                for (Sex sex : Sex.values()) {
                    String key = "visits-" + ProgrammeSamples.ROWS.get(r) + "-" + sex.name();
                    String want = switch (ProgrammeSamples.VISITS_SHOWN[r][sex.ordinal()]) {
                        case EXACT -> Long.toString(ProgrammeSamples.VISITS[r][sex.ordinal()]);
                        case SMALL -> "<5";
                        case COMPLEMENTARY -> "x";
                    };
                    assertEquals(want, cell(page, key), key);
                }
            }
            assertEquals("x", cell(page, "visits-0-17-MALE"));
            assertEquals("<5", cell(page, "visits-0-17-NOT_DECLARED"));
            assertEquals("180", cell(page, "visits-0-17-TOTAL"));
            assertEquals("1586", cell(page, "visits-TOTAL-TOTAL"));
            assertEquals(
                    "Не е посочена",
                    page.select("#visits-age-sex tbody th[scope=row]").last().text());
            assertEquals(5, page.select("#visits-age-sex thead th[scope=col]").size(), "age, 3 sexes, total");
            String legend = page.getElementById("legend").text();
            assertTrue(legend.contains("<5") && legend.contains("x —"), legend);

            assertEquals("297", cell(page, "youth-visits"));
            // members of a calendar period: the total, youth and the table
            assertEquals("143", cell(page, "members"));
            assertEquals("x", cell(page, "youth-members"));
            assertEquals("<5", cell(page, "members-55+-NOT_DECLARED"));
            assertNull(page.getElementById("members-not-published"));

            // tiles: every category, learning and e-government first
            List<String> tiles = page.select("#tile-sessions tbody td").eachAttr("data-cell");
            assertEquals(
                    List.of(
                            "tile-LEARNING",
                            "tile-E_GOVERNMENT",
                            "tile-HEALTH",
                            "tile-PAYMENTS",
                            "tile-FAMILY",
                            "tile-WRITING",
                            "tile-BROWSING"),
                    tiles);
            assertEquals("265", cell(page, "tile-LEARNING"));
            assertEquals("<5", cell(page, "tile-FAMILY"));
            assertEquals("x", cell(page, "tile-WRITING"));

            // availability: one decimal, and a club without opening hours says so
            List<Element> rows = page.select("#availability tbody tr");
            assertEquals(16, rows.size());
            assertEquals("98.9 %", rows.get(0).select("td").last().text(), "35 240 of 35 640 minutes");
            assertEquals("0.0 %", rows.get(10).select("td").last().text(), "Железник's PC 5 never on");
            assertEquals(
                    "няма зададено работно време",
                    rows.get(11).select("td").last().text());
            assertEquals("PC 1", rows.get(11).selectFirst("th[scope=row]").text());

            // the same report as CSV and from the API
            assertEquals(
                    "/reports/programme.csv?scope=municipality&period=2026-Q3",
                    page.getElementById("csv").attr("href"));
            assertEquals(
                    "/api/v1/reports/programme?scope=municipality&period=2026-Q3",
                    page.getElementById("api").attr("href"));
        }
    }

    @Test
    void aCustomRangeGivesTheMembersTotalAndSaysWhyNotMore() throws Exception {
        Answering reports = new Answering();
        try (RunningCollector c = collector(reports)) {
            String cookie = c.login("obshtina", RunningCollector.PASSWORD);
            Document page = page(c, cookie, "/reports/programme?scope=municipality&period=2026-07..2026-09");
            assertEquals(
                    "юли 2026 – септември 2026",
                    page.getElementById("report-period").text());
            assertEquals("143", cell(page, "members"));
            assertNull(page.getElementById("members-age-sex"));
            assertNull(page.selectFirst("td[data-cell=youth-members]"));
            assertTrue(page.getElementById("members-not-published").text().contains("тримесечие"));
        }
    }

    @Test
    void aCalendarPeriodWithoutAMembersBreakdownSaysOnlyTheTotalIsGiven() throws Exception {
        ProgrammeReport full = ProgrammeSamples.municipalityQuarter();
        ProgrammeReport totalOnly = new ProgrammeReport(
                full.scope(),
                "",
                full.period(),
                full.generatedAt(),
                full.clubs(),
                full.visitsByMonth(),
                full.visits(),
                full.visitsByAgeAndSex(),
                full.youthVisits(),
                full.members(),
                null,
                null,
                full.tileSessions(),
                full.availability());
        try (RunningCollector c = collector((scope, period) -> Optional.of(totalOnly))) {
            String cookie = c.login("obshtina", RunningCollector.PASSWORD);
            Document page = page(c, cookie, "/reports/programme?scope=municipality&period=2026-Q3");
            assertEquals("143", cell(page, "members"));
            assertNull(page.getElementById("members-not-published"), "that sentence is about ranges of months");
            assertNotNull(page.getElementById("members-total-only"));
            assertEquals(
                    "Цялата община (всички клубове)",
                    page.getElementById("report-scope").text(),
                    "no municipality name configured");
        }
    }

    @Test
    void thePickersKeepTheScopeAndTheRangeFormLandsOnTheReportsAddress() throws Exception {
        Answering reports = new Answering();
        try (RunningCollector c = collector(reports)) {
            String cookie = c.login("obshtina", RunningCollector.PASSWORD);
            Document page = page(c, cookie, "/reports/programme?scope=municipality&period=2026-Q3");
            List<String> scopes = page.select("#scope option").eachAttr("value");
            assertEquals(List.of("municipality", "zagore-probuda-1928", "sz-rodina-1860"), scopes, "by name");
            assertEquals(
                    "municipality", page.selectFirst("#scope option[selected]").attr("value"));
            assertEquals(
                    "2026-Q3",
                    page.selectFirst("#pick-quarter option[selected]").attr("value"));
            assertEquals("2026-Q4", page.selectFirst("#pick-quarter option").attr("value"), "newest first: today's");
            assertFalse(page.select("#pick-year option").eachAttr("value").contains("2027"), "no future year");
            assertEquals("2021", page.select("#pick-year option").last().attr("value"), "five years back");
            for (String form : List.of("#month-form", "#quarter-form", "#half-form", "#year-form", "#custom-form")) {
                assertEquals(
                        "municipality",
                        page.selectFirst(form + " input[name=scope]").attr("value"),
                        form + " keeps the scope");
            }
            assertEquals(
                    "2026-Q3",
                    page.selectFirst("#scope-form input[name=period]").attr("value"));

            HttpResponse<String> range = c.get(cookie, "/reports/programme?scope=municipality&from=2026-02&to=2026-05");
            assertEquals(302, range.statusCode());
            assertEquals(
                    "/reports/programme?scope=municipality&period=2026-02..2026-05",
                    range.headers().firstValue("Location").orElseThrow());

            // no period: the last whole month; no scope: the user's own
            page(c, cookie, "/reports/programme");
            assertEquals("municipality 2026-10", reports.asked.get(reports.asked.size() - 1));
            assertEquals(400, c.get(cookie, "/reports/programme?period=2026-13").statusCode());
        }
    }

    @Test
    void aClubsStaffSeeTheirClubOnly() throws Exception {
        Answering reports = new Answering();
        try (RunningCollector c = collector(reports)) {
            String cookie = c.login("rodina", RunningCollector.PASSWORD);
            Document own = page(c, cookie, "/reports/programme?period=2026-Q3");
            assertEquals(
                    "НЧ „Родина – 1860“", own.getElementById("report-scope").text());
            assertEquals(List.of("sz-rodina-1860"), own.select("#scope option").eachAttr("value"), "no other choice");
            assertEquals(
                    403,
                    c.get(cookie, "/reports/programme?scope=municipality&period=2026-Q3")
                            .statusCode());
            assertEquals(
                    403,
                    c.get(cookie, "/reports/programme?scope=zagore-probuda-1928&period=2026-Q3")
                            .statusCode());
            assertEquals(List.of("sz-rodina-1860 2026-Q3"), reports.asked, "nothing else was even read");
        }
    }

    @Test
    void aMunicipalityAskingForAClubItDoesNotHoldGets404() throws Exception {
        try (RunningCollector c = collector(new Answering())) {
            String cookie = c.login("obshtina", RunningCollector.PASSWORD);
            assertEquals(
                    404,
                    c.get(cookie, "/reports/programme?scope=no-such-club&period=2026-Q3")
                            .statusCode());
        }
    }

    @Test
    void printingLeavesOutTheMenusAndPickersOnA4() throws Exception {
        try (RunningCollector c = collector(new Answering())) {
            String cookie = c.login("obshtina", RunningCollector.PASSWORD);
            Document page = page(c, cookie, "/reports/programme?period=2026-Q3");
            assertNotNull(page.selectFirst("link[href=/static/programme.css]"));
            String css = c.get(cookie, "/static/programme.css").body();
            int print = css.indexOf("@media print");
            assertTrue(print > 0, "a print style");
            String printed = css.substring(print);
            assertTrue(printed.contains("size: A4"), printed);
            assertTrue(printed.contains("header.top, .pickers, .downloads { display: none"), printed);
            assertTrue(printed.contains("section.report-section { break-inside: avoid"), printed);
            assertEquals(7, page.select("section.report-section").size());
        }
    }

    @Test
    void theDashboardLinksTheReportAndRefusesWhatAClubMayNotSee() throws Exception {
        try (RunningCollector c = collector(new Answering())) {
            String staff = c.login("rodina", RunningCollector.PASSWORD);
            HttpResponse<String> overview = c.http.send(c.http.request("/clubs/sz-rodina-1860")
                    .header("Cookie", staff)
                    .GET());
            assertEquals(
                    "/reports/programme",
                    Jsoup.parse(overview.body())
                            .getElementById("programme-link")
                            .attr("href"),
                    "in the top bar");
            assertEquals(
                    403,
                    c.http.send(c.http.request("/reports/programme?scope=municipality&period=2026-Q3")
                                    .header("Cookie", staff)
                                    .GET())
                            .statusCode());
            assertEquals(
                    403,
                    c.http.send(c.http.request("/reports/programme?scope=zagore-probuda-1928&period=2026-Q3")
                                    .header("Cookie", staff)
                                    .GET())
                            .statusCode());
            assertEquals(
                    400,
                    c.http.send(c.http.request("/reports/programme?period=2026-Q5")
                                    .header("Cookie", staff)
                                    .GET())
                            .statusCode());
            HttpResponse<String> anonymous =
                    c.http.send(c.http.request("/reports/programme").GET());
            assertEquals(302, anonymous.statusCode());
            assertEquals("/login", anonymous.headers().firstValue("Location").orElseThrow());
        }
    }
}
