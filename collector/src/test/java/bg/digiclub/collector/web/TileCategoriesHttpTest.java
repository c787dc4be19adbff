package bg.digiclub.collector.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import bg.digiclub.collector.testing.CsvTable;
import bg.digiclub.collector.testing.RunningCollector;
import bg.digiclub.common.batch.Batch;
import bg.digiclub.common.batch.DayUsage;
import bg.digiclub.common.batch.DemographicCount;
import bg.digiclub.common.batch.EnrolmentResponse;
import bg.digiclub.common.batch.Evictions;
import bg.digiclub.common.batch.HourUsage;
import bg.digiclub.common.batch.Problem;
import bg.digiclub.common.batch.TileCategoryCount;
import bg.digiclub.common.batch.UsagePayload;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Sex;
import bg.digiclub.common.link.TileCategory;

/**
 * Sessions that used each kind of launcher tile, from the PCs' batches to the club page and the
 * CSV: stored once however often a batch is delivered, summed over PCs and days, 1-4 shown as
 * "<5".
 */
class TileCategoriesHttpTest {
    @TempDir
    Path temp;

    /**
     * One PC's day at Rodina: {@code sessions} guest sessions of women 65-74 started at 9:00 local,
     * with the given tile counts.
     */
    private static Batch day(
            EnrolmentResponse pc, LocalDate day, long sequence, int sessions, List<TileCategoryCount> tiles) {
        Instant from = day.atStartOfDay(ZoneId.of("Europe/Sofia")).toInstant();
        return Batch.usage(
                UUID.randomUUID(),
                pc.deviceId(),
                pc.clubId(),
                "0.1.0",
                "Europe/Sofia",
                from,
                from.plus(Duration.ofDays(1)),
                sequence,
                Evictions.NONE,
                new UsagePayload(
                        List.of(new HourUsage(from.plus(Duration.ofHours(9)), sessions, sessions, 0, 60, 60)),
                        List.of(new DayUsage(
                                day,
                                List.of(new DemographicCount(AgeBand.AGE_65_74, Sex.FEMALE, sessions)),
                                0,
                                tiles))));
    }

    private static void upload(RunningCollector c, EnrolmentResponse pc, Batch batch) throws Exception {
        HttpResponse<String> response =
                c.http.upload(pc.token(), batch.batchId().toString(), c.json.writeValueAsBytes(batch));
        assertEquals(200, response.statusCode(), response.body());
    }

    private static String get(RunningCollector c, String cookie, String path) throws Exception {
        HttpResponse<String> response = c.get(cookie, path);
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void theClubPageAndTheCsvCountTheSessionsThatUsedEachKindOfTile(String kind) throws Exception {
        try (RunningCollector c = new RunningCollector(kind, temp)) {
            EnrolmentResponse pc1 = c.enrol(RunningCollector.RODINA_CODE);
            EnrolmentResponse pc2 = c.enrol(RunningCollector.RODINA_CODE);
            // PC 1, 23 and 24 November: 9 + 6 learning, 7 + 0 e-government, 3 health sessions
            Batch monday = day(
                    pc1,
                    LocalDate.parse("2026-11-23"),
                    1,
                    12,
                    List.of(
                            new TileCategoryCount(TileCategory.E_GOVERNMENT, 7),
                            new TileCategoryCount(TileCategory.LEARNING, 9),
                            new TileCategoryCount(TileCategory.HEALTH, 3)));
            upload(c, pc1, monday);
            upload(
                    c,
                    pc1,
                    day(
                            pc1,
                            LocalDate.parse("2026-11-24"),
                            2,
                            8,
                            List.of(new TileCategoryCount(TileCategory.LEARNING, 6))));
            // PC 2, 24 November: 2 more learning sessions; and an agent from before tile categories
            upload(
                    c,
                    pc2,
                    day(
                            pc2,
                            LocalDate.parse("2026-11-24"),
                            1,
                            5,
                            List.of(new TileCategoryCount(TileCategory.LEARNING, 2))));
            upload(c, pc2, day(pc2, LocalDate.parse("2026-11-22"), 2, 4, List.of()));
            // the first batch delivered again (its answer lost on the way): stored once
            HttpResponse<String> replay =
                    c.http.upload(pc1.token(), monday.batchId().toString(), c.json.writeValueAsBytes(monday));
            assertEquals(
                    "true", replay.headers().firstValue("Idempotent-Replayed").orElse(""));

            assertEquals(17, c.count("SELECT SUM(sessions) FROM usage_tile_categories WHERE category = 'LEARNING'"));
            c.clock.set(DashboardHttpTest.NOVEMBER_SETTLED); // November's breakdowns are shown once it has settled
            String cookie = c.login("obshtina", RunningCollector.PASSWORD);
            Document club = Jsoup.parse(get(c, cookie, "/clubs/sz-rodina-1860?from=2026-11-01&to=2026-11-30"));
            assertEquals("17", DashboardHttpTest.cell(club, "LEARNING"), "17 learning sessions");
            assertEquals("7", DashboardHttpTest.cell(club, "E_GOVERNMENT"), "7 e-government sessions");
            assertEquals("<5", DashboardHttpTest.cell(club, "HEALTH"), "3 health sessions shown as <5");
            assertEquals("0", DashboardHttpTest.cell(club, "FAMILY"), "none is 0");
            assertEquals(
                    "Сесии с плочка „Учене“",
                    club.selectFirst("td[data-cell=LEARNING]")
                            .parent()
                            .selectFirst("th")
                            .text(),
                    "the category as the kiosk labels it");
            Document october = Jsoup.parse(get(c, cookie, "/clubs/sz-rodina-1860?from=2026-10-01&to=2026-10-31"));
            assertEquals("0", DashboardHttpTest.cell(october, "LEARNING"), "the period's months only");
            Document oneDay = Jsoup.parse(get(c, cookie, "/clubs/sz-rodina-1860?from=2026-11-24&to=2026-11-24"));
            assertNull(oneDay.selectFirst("td[data-cell=LEARNING]"), "a day is not whole months: no tile counts");
            assertNotNull(oneDay.getElementById("whole-months-only"));

            CsvTable csv = CsvTable.parse(get(c, cookie, "/export.csv?club=all&from=2026-11-01&to=2026-11-30"));
            Map<String, String> rodina = csv.club("sz-rodina-1860").orElseThrow();
            Map<String, String> all = csv.club("all").orElseThrow();
            assertEquals("17", rodina.get("tile_sessions_learning"));
            assertEquals("7", rodina.get("tile_sessions_e_government"));
            assertEquals("<5", rodina.get("tile_sessions_health"));
            assertEquals("0", rodina.get("tile_sessions_browsing"));
            assertEquals("17", all.get("tile_sessions_learning"), "the other club has none");
            assertEquals("<5", all.get("tile_sessions_health"));
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void aDayCountingMoreTileSessionsThanSessionsIsRefusedAndStoresNothing(String kind) throws Exception {
        try (RunningCollector c = new RunningCollector(kind, temp)) {
            EnrolmentResponse pc = c.enrol(RunningCollector.RODINA_CODE);
            Batch good = day(
                    pc, LocalDate.parse("2026-11-24"), 1, 3, List.of(new TileCategoryCount(TileCategory.LEARNING, 3)));
            String body = c.json.writeValueAsString(good).replace("\"sessions\":3}]}", "\"sessions\":4}]}");
            HttpResponse<String> response =
                    c.http.upload(pc.token(), good.batchId().toString(), body.getBytes());
            assertEquals(422, response.statusCode(), response.body());
            Problem problem = c.json.readValue(response.body(), Problem.class);
            assertEquals("invalid", problem.code());
            assertTrue(problem.message().contains("LEARNING"), problem.message());
            String twice = c.json.writeValueAsString(good)
                    .replace(
                            "[{\"category\":\"LEARNING\",\"sessions\":3}]",
                            "[{\"category\":\"LEARNING\",\"sessions\":3},{\"category\":\"LEARNING\",\"sessions\":1}]");
            assertEquals(
                    422,
                    c.http.upload(pc.token(), good.batchId().toString(), twice.getBytes())
                            .statusCode());
            assertEquals(0, c.count("SELECT COUNT(*) FROM batches"));
            assertEquals(0, c.count("SELECT COUNT(*) FROM usage_tile_categories"));
        }
    }
}
