package bg.digiclub.collector.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.collector.testing.CsvTable;
import bg.digiclub.collector.testing.RunningCollector;

/** {@code /reports/programme.csv} over real HTTP: the report's figures, and who may download which. */
class ProgrammeCsvHttpTest {
    @TempDir
    Path temp;

    private static String value(CsvTable csv, String section, String row, String column) {
        List<Map<String, String>> found = csv.rows().stream()
                .filter(r -> r.get("section").equals(section)
                        && r.get("row").equals(row)
                        && r.get("column").equals(column))
                .toList();
        assertEquals(1, found.size(), section + "|" + row + "|" + column + " in " + csv.rows());
        return found.get(0).get("value");
    }

    @Test
    void theMunicipalityDownloadsAnyScopeAsALongTable() throws Exception {
        try (RunningCollector c = new RunningCollector("sqlite", temp)) {
            DashboardHttpTest.uploadRodinaDay(c, c.enrol(RunningCollector.RODINA_CODE));
            // read once November has settled: before that its breakdowns are withheld
            c.clock.set(Instant.parse("2026-12-10T08:00:00Z"));
            String cookie = c.login("obshtina", RunningCollector.PASSWORD);

            HttpResponse<String> response = c.get(cookie, "/reports/programme.csv?scope=municipality&period=2026-11");
            assertEquals(200, response.statusCode(), response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
            assertTrue(response.headers()
                    .firstValue("Content-Disposition")
                    .orElse("")
                    .contains("digiclub-programme-municipality-2026-11.csv"));
            assertTrue(response.body().startsWith("\uFEFF"), "a byte order mark for spreadsheet programs");
            assertTrue(response.body().contains("\r\n"), "CR LF lines");
            CsvTable all = CsvTable.parse(response.body());
            assertEquals(List.of("scope", "period", "section", "row", "column", "value"), all.header());
            assertEquals("23", value(all, "visits", "total", "visits"), "Rodina's 23 sessions of 24 November");
            assertEquals("23", value(all, "visits_by_month", "2026-11", "visits"));
            assertEquals("23", value(all, "club", "sz-rodina-1860", "visits"));
            assertEquals("0", value(all, "club", "zagore-probuda-1928", "visits"));
            assertEquals("23", value(all, "visits_by_age_sex", "total", "total"));
            // 3 women 18-24: hidden in every scope
            assertEquals("<5", value(all, "visits_by_age_sex", "18-29", "female"));

            CsvTable rodina = CsvTable.parse(c.get(cookie, "/reports/programme.csv?scope=sz-rodina-1860&period=2026-Q4")
                    .body());
            assertTrue(rodina.rows().stream().allMatch(r -> r.get("scope").equals("sz-rodina-1860")));
            assertTrue(rodina.rows().stream().allMatch(r -> r.get("period").equals("2026-Q4")));
            assertEquals("НЧ „Родина – 1860“", value(rodina, "report", "scope_name", ""));
            assertEquals("0", value(rodina, "visits_by_month", "2026-10", "visits"));
            assertEquals("23", value(rodina, "visits", "total", "visits"));
        }
    }

    @Test
    void clubStaffGetOnlyTheirOwnClub() throws Exception {
        try (RunningCollector c = new RunningCollector("sqlite", temp)) {
            DashboardHttpTest.uploadRodinaDay(c, c.enrol(RunningCollector.RODINA_CODE));
            String cookie = c.login("rodina", RunningCollector.PASSWORD);

            HttpResponse<String> own = c.get(cookie, "/reports/programme.csv?period=2026-11");
            assertEquals(200, own.statusCode());
            CsvTable csv = CsvTable.parse(own.body());
            assertTrue(csv.rows().stream().allMatch(r -> r.get("scope").equals("sz-rodina-1860")), "no scope: theirs");
            assertFalse(own.body().contains("zagore"), own.body());

            assertEquals(
                    403,
                    c.get(cookie, "/reports/programme.csv?scope=municipality&period=2026-11")
                            .statusCode());
            assertEquals(
                    403,
                    c.get(cookie, "/reports/programme.csv?scope=zagore-probuda-1928&period=2026-11")
                            .statusCode());
        }
    }

    @Test
    void aBadPeriodOrAnUnknownClubIsAnErrorPageAndSigningInIsNeeded() throws Exception {
        try (RunningCollector c = new RunningCollector("sqlite", temp)) {
            String cookie = c.login("obshtina", RunningCollector.PASSWORD);
            assertEquals(
                    400, c.get(cookie, "/reports/programme.csv?period=2026-13").statusCode());
            assertEquals(400, c.get(cookie, "/reports/programme.csv").statusCode(), "a period is required");
            assertEquals(
                    404,
                    c.get(cookie, "/reports/programme.csv?scope=nowhere&period=2026")
                            .statusCode());
            HttpResponse<String> anonymous = c.http.send(
                    c.http.request("/reports/programme.csv?period=2026").GET());
            assertEquals(302, anonymous.statusCode());
            assertEquals("/login", anonymous.headers().firstValue("Location").orElse(""));
        }
    }
}
