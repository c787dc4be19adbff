package bg.digiclub.collector.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bg.digiclub.collector.testing.RunningCollector;
import bg.digiclub.common.batch.Batch;
import bg.digiclub.common.batch.DayUsage;
import bg.digiclub.common.batch.DemographicCount;
import bg.digiclub.common.batch.EnrolmentResponse;
import bg.digiclub.common.batch.Evictions;
import bg.digiclub.common.batch.HourUsage;
import bg.digiclub.common.batch.UsagePayload;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Sex;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard over real HTTP: sign-in, throttling, who sees what, the numbers and the CSV. */
class DashboardHttpTest {
    @TempDir
    Path temp;

    /** 23 sessions at Rodina on 2026-11-24: 12 women 65-74, 7 men 55-64, 3 women 18-24, 1 undeclared. */
    static void uploadRodinaDay(RunningCollector c, EnrolmentResponse pc) throws Exception {
        Instant nine = Instant.parse("2026-11-24T07:00:00Z");
        List<HourUsage> hours = List.of(new HourUsage(nine, 10, 6, 4, 55, 60),
                new HourUsage(nine.plus(Duration.ofHours(1)), 8, 5, 3, 60, 60),
                new HourUsage(nine.plus(Duration.ofHours(5)), 5, 5, 0, 45, 60));
        List<DemographicCount> cells = List.of(new DemographicCount(AgeBand.AGE_65_74, Sex.FEMALE, 12),
                new DemographicCount(AgeBand.AGE_55_64, Sex.MALE, 7), new DemographicCount(AgeBand.AGE_18_24, Sex.FEMALE, 3),
                new DemographicCount(AgeBand.NOT_DECLARED, Sex.NOT_DECLARED, 1));
        Batch batch = Batch.usage(UUID.randomUUID(), pc.deviceId(), pc.clubId(), "0.1.0", "Europe/Sofia",
                Instant.parse("2026-11-23T22:00:00Z"), Instant.parse("2026-11-24T22:00:00Z"), 1, Evictions.NONE,
                new UsagePayload(hours, List.of(new DayUsage(LocalDate.parse("2026-11-24"), cells, 5, List.of()))));
        HttpResponse<String> response = c.http.upload(pc.token(), batch.batchId().toString(), c.json.writeValueAsBytes(batch));
        assertEquals(200, response.statusCode(), response.body());
    }

    static String login(RunningCollector c, String user, String password) throws Exception {
        HttpResponse<String> response = c.http.send(c.http.request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password.replace(" ", "+"))));
        assertEquals(302, response.statusCode(), response.body());
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        return cookie.substring(0, cookie.indexOf(';'));
    }

    private static HttpResponse<String> get(RunningCollector c, String cookie, String path) throws Exception {
        return c.http.send(c.http.request(path).header("Cookie", cookie).GET());
    }

    @Test
    void municipalitySeesEveryClubAndTheNumbers() throws Exception {
        try (RunningCollector c = new RunningCollector("sqlite", temp)) {
            uploadRodinaDay(c, c.enrol(RunningCollector.RODINA_CODE));
            String cookie = login(c, "obshtina", RunningCollector.PASSWORD);
            String period = "from=2026-11-01&to=2026-11-24";
            HttpResponse<String> overview = get(c, cookie, "/?" + period);
            assertEquals(200, overview.statusCode());
            assertTrue(overview.body().contains("НЧ „Родина – 1860“"));
            assertTrue(overview.body().contains("НЧ „Пробуда – 1928“"));
            assertTrue(overview.body().contains("id=\"total-sessions\">23<"), "23 sessions in all");
            assertTrue(overview.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));

            String club = get(c, cookie, "/clubs/sz-rodina-1860?" + period).body();
            assertTrue(club.contains("id=\"sessions\">23<"), "23 sessions");
            assertTrue(club.contains("id=\"hours\">2.7<"), "2.7 hours");
            assertTrue(club.contains("id=\"member-days\">5<"), "5 member-days");
            assertTrue(club.contains("data-cell=\"AGE_65_74-FEMALE\">12<"), "12 women aged 65-74 shown");
            assertTrue(club.contains("data-cell=\"AGE_55_64-MALE\">7<"), "7 men aged 55-64 shown");
            assertTrue(club.contains("data-cell=\"TOTAL-FEMALE\">x<"), "the women's total would reveal the 3");
            assertTrue(club.contains("data-cell=\"AGE_18_24-FEMALE\">&lt;5<"), "3 shown as <5");
            assertTrue(club.contains("data-cell=\"TOTAL-TOTAL\">23<"), "grand total");
            assertFalse(club.contains("data-cell=\"AGE_18_24-FEMALE\">3<"));
            assertTrue(club.contains("<svg class=\"chart\" id=\"sessions-chart\""));
            assertTrue(club.contains("id=\"heatmap\""));
        }
    }

    @Test
    void csvHasTheNumbersWithSmallCountsHidden() throws Exception {
        try (RunningCollector c = new RunningCollector("sqlite", temp)) {
            uploadRodinaDay(c, c.enrol(RunningCollector.RODINA_CODE));
            String cookie = login(c, "obshtina", RunningCollector.PASSWORD);
            HttpResponse<String> csv = get(c, cookie, "/export.csv?club=all&from=2026-11-24&to=2026-11-24");
            assertEquals(200, csv.statusCode());
            assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains("attachment"));
            List<String> lines = csv.body().lines().toList();
            assertEquals(4, lines.size(), "header, two clubs, total: " + lines);
            List<String> header = List.of(lines.get(0).replace("\uFEFF", "").split(","));
            List<String> rodina = List.of(lines.stream().filter(l -> l.startsWith("sz-rodina-1860")).findFirst()
                    .orElseThrow().split(","));
            assertEquals("23", rodina.get(header.indexOf("sessions")));
            assertEquals("2.7", rodina.get(header.indexOf("session_hours")));
            assertEquals("5", rodina.get(header.indexOf("member_days")));
            assertEquals("12", rodina.get(header.indexOf("sessions_age_65_74_female")));
            assertEquals("<5", rodina.get(header.indexOf("sessions_age_18_24_female")));
            assertEquals("<5", rodina.get(header.indexOf("sessions_not_declared_not_declared")));
            assertEquals("23", rodina.get(header.indexOf("sessions_total")));
            for (String line : lines) {
                assertFalse(line.contains(",3,") && line.startsWith("sz-rodina"), "no hidden 3 in " + line);
            }
        }
    }

    @Test
    void clubStaffSeeOnlyTheirOwnClub() throws Exception {
        try (RunningCollector c = new RunningCollector("sqlite", temp)) {
            uploadRodinaDay(c, c.enrol(RunningCollector.RODINA_CODE));
            EnrolmentResponse zagorePc = c.enrol(RunningCollector.ZAGORE_CODE);
            String cookie = login(c, "rodina", RunningCollector.PASSWORD);
            HttpResponse<String> home = get(c, cookie, "/");
            assertEquals(302, home.statusCode());
            assertEquals("/clubs/sz-rodina-1860", home.headers().firstValue("Location").orElse(""));
            assertEquals(200, get(c, cookie, "/clubs/sz-rodina-1860").statusCode());
            assertEquals(403, get(c, cookie, "/clubs/zagore-probuda-1928").statusCode());
            assertEquals(403, get(c, cookie, "/devices/" + zagorePc.deviceId()).statusCode());
            assertEquals(403, get(c, cookie, "/export.csv?club=zagore-probuda-1928").statusCode());
            HttpResponse<String> own = get(c, cookie, "/export.csv?club=all&from=2026-11-24&to=2026-11-24");
            assertEquals(200, own.statusCode());
            assertFalse(own.body().contains("zagore"), own.body());
            assertTrue(own.body().contains("sz-rodina-1860"));
        }
    }

    @Test
    void pagesNeedASignInAndFailedSignInsAreThrottled() throws Exception {
        try (RunningCollector c = new RunningCollector("sqlite", temp)) {
            HttpResponse<String> anonymous = c.http.send(c.http.request("/clubs/sz-rodina-1860").GET());
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
                    .POST(HttpRequest.BodyPublishers.ofString("username=obshtina&password="
                            + RunningCollector.PASSWORD.replace(" ", "+"))));
            assertEquals(429, locked.statusCode(), "even the right password waits while locked");
            c.clock.advance(Duration.ofSeconds(31));
            String cookie = login(c, "obshtina", RunningCollector.PASSWORD);
            assertEquals(200, get(c, cookie, "/").statusCode());
            c.http.send(c.http.request("/logout").header("Cookie", cookie).POST(HttpRequest.BodyPublishers.noBody()));
            assertEquals(302, get(c, cookie, "/").statusCode(), "signed out");
        }
    }

    @Test
    void devicePageShowsHealthHistory() throws Exception {
        try (RunningCollector c = new RunningCollector("sqlite", temp)) {
            EnrolmentResponse pc = c.enrol(RunningCollector.RODINA_CODE);
            var synthetic = new bg.digiclub.collector.demo.SyntheticBatches(new java.util.Random(1), "0.1.0");
            Batch health = synthetic.health(pc.deviceId(), pc.clubId(), java.time.ZoneId.of("Europe/Sofia"),
                    LocalDate.parse("2026-11-24"), 1, 96, true);
            assertEquals(200, c.http.upload(pc.token(), health.batchId().toString(), c.json.writeValueAsBytes(health))
                    .statusCode());
            String cookie = login(c, "rodina", RunningCollector.PASSWORD);
            String page = get(c, cookie, "/devices/" + pc.deviceId() + "?from=2026-11-20&to=2026-11-24").body();
            assertTrue(page.contains("id=\"health-chart\""), "health chart");
            assertTrue(page.contains("disk:/: WARN"), "current disk check");
            assertTrue(page.contains("<td>2026-11-24</td>"), "the day's summary");
            String club = get(c, cookie, "/clubs/sz-rodina-1860").body();
            assertTrue(club.contains("data-health=\"RED\"") || club.contains("data-health=\"AMBER\""), "unhealthy club");
        }
    }
}
