package bg.digiclub.collector.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import bg.digiclub.collector.report.programme.ReportScope;
import bg.digiclub.collector.server.ServerSettings;
import bg.digiclub.collector.testing.RunningCollector;
import bg.digiclub.collector.testing.SampleBatches;
import bg.digiclub.common.batch.Batch;
import bg.digiclub.common.batch.EnrolmentResponse;

/**
 * The read API over real HTTP against the real server and database: figures the device API stored
 * come back through a token, every answer follows the OpenAPI document's schemas, a club's token
 * never sees another club nor the municipality, and every refusal is an RFC 9457 problem.
 */
class ReportApiHttpTest {
    private static final String RODINA = RunningCollector.RODINA.id();
    private static final String ZAGORE = RunningCollector.ZAGORE.id();
    private static final String PROGRAMME = "/api/v1/reports/programme";

    @TempDir
    Path temp;

    private final OpenApiSchemas schemas = new OpenApiSchemas();

    private static RunningCollector collector(String kind, Path temp) throws Exception {
        return new RunningCollector(kind, temp, TestProgrammeReports::new);
    }

    private static String token(RunningCollector c, ReportScope scope) throws Exception {
        return new ApiTokens(c.database, c.clock, new SecureRandom())
                .create("Power BI", scope, "test")
                .secret();
    }

    private static HttpResponse<String> get(RunningCollector c, String token, String path) throws Exception {
        HttpRequest.Builder request = c.http.request(path).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return c.http.send(request);
    }

    private static String query(String scope, String period) {
        return PROGRAMME + "?scope=" + encode(scope) + "&period=" + encode(period);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** An answer of 200 whose body follows the schema; its JSON. */
    private JsonNode ok(RunningCollector c, HttpResponse<String> response, String schema) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(
                "application/json",
                response.headers().firstValue("Content-Type").orElse(""));
        assertEquals(List.of(), schemas.errors(schema, response.body()), response.body());
        return c.json.readTree(response.body());
    }

    /** An RFC 9457 problem with this status and code, following the Problem schema; its JSON. */
    private JsonNode problem(RunningCollector c, HttpResponse<String> response, int status, String code)
            throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(
                "application/problem+json",
                response.headers().firstValue("Content-Type").orElse(""));
        assertEquals(List.of(), schemas.errors("Problem", response.body()), response.body());
        JsonNode problem = c.json.readTree(response.body());
        assertEquals(code, problem.get("code").asText());
        assertEquals(status, problem.get("status").asInt());
        assertEquals("/api/v1/problems/" + code, problem.get("type").asText());
        return problem;
    }

    /** When the tests read November's reports: it has settled, so its breakdowns are published. */
    private static final Instant NOVEMBER_SETTLED = Instant.parse("2026-12-10T08:00:00Z");

    /**
     * A day of usage at a club's PC: {@code sessions} visits on 2026-11-24, declared 55-64, male,
     * sent the next morning. Tests that read November's breakdowns move the clock to {@link #NOVEMBER_SETTLED}.
     */
    private static void upload(RunningCollector c, EnrolmentResponse pc, long sequence, int sessions) throws Exception {
        c.clock.set(Instant.parse("2026-11-25T06:00:00Z"));
        Batch batch = SampleBatches.usageDay(pc, sequence, sessions);
        HttpResponse<String> stored =
                c.http.upload(pc.token(), batch.batchId().toString(), c.json.writeValueAsBytes(batch));
        assertEquals(200, stored.statusCode(), stored.body());
    }

    /** A PC enrolled on the morning after the day it uploads (enrolment codes last a week). */
    private static EnrolmentResponse enrol(RunningCollector c, String code) throws Exception {
        c.clock.set(Instant.parse("2026-11-25T06:00:00Z"));
        return c.enrol(code);
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void aMunicipalityTokenReadsWhatTheDevicesSentInEveryScope(String kind) throws Exception {
        try (RunningCollector c = collector(kind, temp)) {
            upload(c, enrol(c, RunningCollector.RODINA_CODE), 1, 7);
            upload(c, enrol(c, RunningCollector.ZAGORE_CODE), 1, 4);
            String token = token(c, ReportScope.municipality());

            JsonNode all = ok(c, get(c, token, query("municipality", "2026-11")), "ProgrammeReport");
            assertEquals("municipality", all.get("scope").get("id").asText());
            assertEquals(11, all.get("visits").asLong());
            assertEquals("2026-11", all.get("visitsByMonth").get(0).get("month").asText());
            assertEquals(2, all.get("clubs").size());

            JsonNode zagore = ok(c, get(c, token, query(ZAGORE, "2026-Q4")), "ProgrammeReport");
            assertEquals(4, zagore.get("visits").asLong());
            assertEquals("QUARTER", zagore.get("period").get("kind").asText());
            assertEquals(3, zagore.get("visitsByMonth").size());

            JsonNode rows = ok(c, get(c, token, PROGRAMME + "/rows?scope=" + RODINA + "&period=2026-11"), "FigureRows");
            assertTrue(rows.isArray() && rows.size() > 20);
            List<String> visits = new ArrayList<>();
            rows.forEach(r -> {
                if (r.get("figure").asText().equals("visits")) {
                    visits.add(r.get("value").asText());
                }
            });
            assertEquals(List.of("7"), visits);

            JsonNode clubs = ok(c, get(c, token, "/api/v1/reports/clubs"), "ClubList");
            assertEquals(2, clubs.get("clubs").size());
            assertEquals("2026-11", clubs.get("lastMonth").asText());
            assertTrue(clubs.get("periods").toString().contains("\"2026-Q4\""), clubs.toString());

            ApiTokens tokens = new ApiTokens(c.database, c.clock, new SecureRandom());
            NewApiToken zagoreToken = tokens.create("Grafana of Zagore", ReportScope.club(ZAGORE), "test");
            assertEquals(
                    4,
                    ok(c, get(c, zagoreToken.secret(), query(ZAGORE, "2026-11")), "ProgrammeReport")
                            .get("visits")
                            .asLong());
            problem(c, get(c, zagoreToken.secret(), query(RODINA, "2026-11")), 403, "forbidden-scope");
            assertTrue(tokens.revoke(zagoreToken.token().id(), ReportScope.club(ZAGORE)));
            problem(c, get(c, zagoreToken.secret(), query(ZAGORE, "2026-11")), 401, "invalid-token");
            ok(c, get(c, token, query(ZAGORE, "2026-11")), "ProgrammeReport");
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void theCollectorsOwnReportsFollowTheDocument(String kind) throws Exception {
        try (RunningCollector c = new RunningCollector(kind, temp)) {
            upload(c, enrol(c, RunningCollector.RODINA_CODE), 1, 7);
            upload(c, enrol(c, RunningCollector.ZAGORE_CODE), 1, 2);
            c.clock.set(NOVEMBER_SETTLED);
            String token = token(c, ReportScope.municipality());
            for (String scope : List.of("municipality", RODINA)) {
                for (String period : List.of("2026-11", "2026-Q4", "2026-H2", "2026", "2026-10..2026-11")) {
                    JsonNode report = ok(c, get(c, token, query(scope, period)), "ProgrammeReport");
                    assertEquals(
                            scope.equals(RODINA) ? 7 : 9, report.get("visits").asLong(), scope + " " + period);
                    assertEquals(
                            report.get("visits").asLong(),
                            report.get("visitsByAgeAndSex")
                                    .get("total")
                                    .get("value")
                                    .asLong(),
                            "the grand total is exact");
                    ok(
                            c,
                            get(c, token, PROGRAMME + "/rows?scope=" + scope + "&period=" + encode(period)),
                            "FigureRows");
                }
            }
            JsonNode zagore = ok(c, get(c, token, query(ZAGORE, "2026-11")), "ProgrammeReport");
            assertEquals(
                    "{\"suppressed\":\"<5\"}",
                    cellOf(zagore, "55+", "MALE"),
                    "2 visits of one band and sex are published as <5");
            JsonNode unknown = problem(c, get(c, token, query("no-such-club", "2026-11")), 404, "unknown-club");
            assertTrue(unknown.get("detail").asText().contains("no-such-club"), "the service's own answer");
        }
    }

    /** The cell of a report's visits table by its row label and column. */
    private static String cellOf(JsonNode report, String row, String column) {
        JsonNode table = report.get("visitsByAgeAndSex");
        int r = -1;
        for (int i = 0; i < table.get("rows").size(); i++) {
            if (table.get("rows").get(i).asText().equals(row)) {
                r = i;
            }
        }
        int col = -1;
        for (int i = 0; i < table.get("columns").size(); i++) {
            if (table.get("columns").get(i).asText().equals(column)) {
                col = i;
            }
        }
        return table.get("cells").get(r).get(col).toString();
    }

    @Test
    void aClubsTokenNeverSeesAnotherClubNorTheMunicipality() throws Exception {
        try (RunningCollector c = collector("sqlite", temp)) {
            upload(c, enrol(c, RunningCollector.ZAGORE_CODE), 1, 4);
            String rodina = token(c, ReportScope.club(RODINA));

            JsonNode own = ok(c, get(c, rodina, query(RODINA, "2026-11")), "ProgrammeReport");
            assertEquals(RODINA, own.get("scope").get("clubId").asText());
            assertEquals(0, own.get("visits").asLong());
            JsonNode byDefault = ok(c, get(c, rodina, PROGRAMME + "?period=2026-11"), "ProgrammeReport");
            assertEquals(RODINA, byDefault.get("scope").get("id").asText(), "without a scope: the token's own");

            for (String other : List.of(ZAGORE, "municipality", "no-such-club")) {
                JsonNode refused = problem(c, get(c, rodina, query(other, "2026-11")), 403, "forbidden-scope");
                assertFalse(refused.toString().contains("\"visits\""));
                problem(
                        c,
                        get(c, rodina, PROGRAMME + "/rows?scope=" + other + "&period=2026-11"),
                        403,
                        "forbidden-scope");
            }
            JsonNode clubs = ok(c, get(c, rodina, "/api/v1/reports/clubs"), "ClubList");
            assertEquals(1, clubs.get("clubs").size());
            assertEquals(RODINA, clubs.get("clubs").get(0).get("id").asText());
            assertEquals(RODINA, clubs.get("scope").asText());
        }
    }

    @Test
    void noAnswerHoldsASuppressedCellsValue() throws Exception {
        try (RunningCollector c = collector("sqlite", temp)) {
            String token = token(c, ReportScope.municipality());
            List<String> bodies = new ArrayList<>();
            for (String period : List.of("2026-11", "2026", "2026-01..2026-05")) {
                bodies.add(ok(c, get(c, token, query("municipality", period)), "ProgrammeReport")
                        .toString());
                bodies.add(ok(c, get(c, token, PROGRAMME + "/rows?period=" + encode(period)), "FigureRows")
                        .toString());
            }
            for (String body : bodies) {
                assertFalse(body.contains(Long.toString(TestProgrammeReports.HIDDEN)), body);
                assertTrue(body.contains("\"suppressed\":\"x\"") && body.contains("\"suppressed\":\"<5\""), body);
            }
            JsonNode report = c.json.readTree(bodies.get(0));
            JsonNode firstRow = report.get("visitsByAgeAndSex").get("cells").get(0);
            assertEquals("{\"suppressed\":\"<5\"}", firstRow.get(0).toString(), "no value beside the mark");
            assertEquals("{\"suppressed\":\"x\"}", firstRow.get(1).toString());
            assertEquals("{\"value\":10}", firstRow.get(2).toString());
            assertNotNull(report.get("membersByAgeAndSex"), "published for a month");
            JsonNode custom = c.json.readTree(bodies.get(4));
            assertFalse(custom.has("membersByAgeAndSex") || custom.has("youthMembers"), "not for a custom period");
            for (JsonNode row : c.json.readTree(bodies.get(1))) {
                assertTrue(row.get("value").isNull() != row.get("suppressed").isNull(), row.toString());
            }
        }
    }

    @Test
    void badRequestsAreProblems() throws Exception {
        try (RunningCollector c = collector("sqlite", temp)) {
            String token = token(c, ReportScope.municipality());
            for (String period : List.of("2026-13", "", "last month", "2020-01..2026-01", "2026-05..2026-01")) {
                JsonNode p = problem(c, get(c, token, query("municipality", period)), 400, "bad-period");
                assertEquals("Bad period", p.get("title").asText());
            }
            problem(c, get(c, token, PROGRAMME + "?scope=municipality"), 400, "bad-period");
            problem(c, get(c, token, query("Club 7", "2026-11")), 400, "bad-scope");
            JsonNode unknown = problem(c, get(c, token, query("no-such-club", "2026-11")), 404, "unknown-club");
            assertTrue(unknown.get("detail").asText().contains("no-such-club"));
            problem(c, get(c, token, "/api/v1/reports/visits"), 404, "not-found");
            HttpResponse<String> post = c.http.send(c.http.request(PROGRAMME)
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString("{}")));
            problem(c, post, 405, "method-not-allowed");
            assertEquals("GET", post.headers().firstValue("Allow").orElse(""));
        }
    }

    @Test
    void missingUnknownRevokedAndDeviceTokensAreRefused() throws Exception {
        try (RunningCollector c = collector("sqlite", temp)) {
            String path = query("municipality", "2026-11");
            HttpResponse<String> none = get(c, null, path);
            problem(c, none, 401, "missing-token");
            assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
            HttpResponse<String> basic = c.http.send(c.http.request(path)
                    .header("Authorization", "Basic b2JzaHRpbmE6eA==")
                    .GET());
            problem(c, basic, 401, "missing-token");
            HttpResponse<String> unknown = get(c, "dc_" + "A".repeat(43), path);
            problem(c, unknown, 401, "invalid-token");
            assertTrue(
                    unknown.headers().firstValue("WWW-Authenticate").orElse("").contains("error=\"invalid_token\""));

            EnrolmentResponse pc = enrol(c, RunningCollector.RODINA_CODE);
            problem(c, get(c, pc.token(), path), 401, "invalid-token");
            problem(c, get(c, pc.token(), "/api/v1/reports/clubs"), 401, "invalid-token");

            ApiTokens tokens = new ApiTokens(c.database, c.clock, new SecureRandom());
            NewApiToken made = tokens.create("Grafana", ReportScope.municipality(), "test");
            ok(c, get(c, made.secret(), path), "ProgrammeReport");
            assertTrue(tokens.revoke(made.token().id(), ReportScope.municipality()));
            JsonNode revoked = problem(c, get(c, made.secret(), path), 401, "invalid-token");
            assertTrue(revoked.get("detail").asText().contains("revoked"));
        }
    }

    @Test
    void anApiTokenUploadsNothing() throws Exception {
        try (RunningCollector c = collector("sqlite", temp)) {
            EnrolmentResponse pc = enrol(c, RunningCollector.RODINA_CODE);
            String token = token(c, ReportScope.club(RODINA));
            HttpResponse<String> refused =
                    c.http.upload(token, UUID.randomUUID().toString(), "{}".getBytes());
            assertEquals(401, refused.statusCode(), refused.body());
            assertEquals(0, c.count("SELECT COUNT(*) FROM batches"));
            assertNotNull(pc);
        }
    }

    @Test
    void aTokenHasAnAllowanceOfRequests() throws Exception {
        try (RunningCollector c = collector("sqlite", temp)) {
            String token = token(c, ReportScope.club(RODINA));
            String other = token(c, ReportScope.club(RODINA));
            for (int i = 0; i < ApiAllowance.DEFAULT.burst(); i++) {
                assertEquals(200, get(c, token, "/api/v1/reports/clubs").statusCode(), "request " + i);
            }
            HttpResponse<String> limited = get(c, token, query(RODINA, "2026-11"));
            problem(c, limited, 429, "rate-limited");
            assertEquals("1", limited.headers().firstValue("Retry-After").orElse(""));
            assertEquals(200, get(c, other, "/api/v1/reports/clubs").statusCode(), "each token its own allowance");
            c.clock.advance(Duration.ofSeconds(1));
            ok(c, get(c, token, query(RODINA, "2026-11")), "ProgrammeReport");
        }
    }

    /** {@code api.burst} and {@code api.requests-per-second} set the allowance, and the 429 says it. */
    @Test
    void theAllowanceIsTheConfiguredOne() throws Exception {
        ServerSettings settings = RunningCollector.SETTINGS.withApiAllowance(new ApiAllowance(0.5, 3));
        try (RunningCollector c = new RunningCollector("sqlite", temp, settings)) {
            String token = token(c, ReportScope.municipality());
            for (int i = 0; i < 3; i++) {
                assertEquals(200, get(c, token, "/api/v1/reports/clubs").statusCode(), "request " + i);
            }
            HttpResponse<String> limited = get(c, token, "/api/v1/reports/clubs");
            JsonNode problem = problem(c, limited, 429, "rate-limited");
            assertEquals("2", limited.headers().firstValue("Retry-After").orElse(""), "one request per 2 s");
            assertTrue(
                    problem.get("detail").asText().startsWith("at most 3 requests at once and 0.5 a second"),
                    problem.toString());
            c.clock.advance(Duration.ofSeconds(1));
            problem(c, get(c, token, "/api/v1/reports/clubs"), 429, "rate-limited");
            c.clock.advance(Duration.ofSeconds(1));
            assertEquals(200, get(c, token, "/api/v1/reports/clubs").statusCode(), "2 s later: one more");
        }
    }

    @Test
    void lastUseIsNotedAtMostOnceAMinute() throws Exception {
        try (RunningCollector c = collector("sqlite", temp)) {
            ApiTokens tokens = new ApiTokens(c.database, c.clock, new SecureRandom());
            NewApiToken made = tokens.create("Excel", ReportScope.municipality(), "test");
            assertEquals(null, tokens.list(ReportScope.municipality()).get(0).lastUsedAt());
            Instant first = c.clock.instant();
            get(c, made.secret(), "/api/v1/reports/clubs");
            c.clock.advance(Duration.ofSeconds(59));
            get(c, made.secret(), "/api/v1/reports/clubs");
            assertEquals(first, tokens.list(ReportScope.municipality()).get(0).lastUsedAt());
            c.clock.advance(Duration.ofSeconds(1));
            get(c, made.secret(), "/api/v1/reports/clubs");
            assertEquals(
                    first.plusSeconds(60),
                    tokens.list(ReportScope.municipality()).get(0).lastUsedAt());
        }
    }

    @Test
    void theOpenApiDocumentAndTheProblemTypesNeedNoToken() throws Exception {
        try (RunningCollector c = collector("sqlite", temp)) {
            HttpResponse<String> document = get(c, null, "/api/v1/openapi.json");
            assertEquals(200, document.statusCode());
            assertEquals(new String(ReportApi.openApiDocument(), StandardCharsets.UTF_8), document.body());
            for (ProblemType type : ProblemType.values()) {
                HttpResponse<String> described = get(c, null, type.uri());
                assertEquals(200, described.statusCode(), type.uri());
                assertTrue(described.body().contains(type.title()), described.body());
            }
            problem(c, get(c, null, "/api/v1/problems/nope"), 404, "not-found");
            problem(c, c.http.send(c.http.request("/api/v1/openapi.json").DELETE()), 405, "method-not-allowed");
        }
    }

    @Test
    void theSchemasHaveTeeth() {
        assertFalse(
                schemas.errors("Cell", "{\"value\":3,\"suppressed\":\"<5\"}").isEmpty(), "a value beside a mark");
        assertFalse(schemas.errors("Cell", "{\"suppressed\":\"3\"}").isEmpty());
        assertFalse(schemas.errors("Problem", "{\"status\":400}").isEmpty());
        assertEquals(
                List.of(),
                schemas.errors(
                        "PcAvailability",
                        "{\"clubId\":\"a-1\",\"pc\":1,\"openMinutes\":0,"
                                + "\"availableMinutes\":0,\"percent\":null}"));
        assertFalse(schemas.errors(
                        "PcAvailability",
                        "{\"clubId\":\"a-1\",\"pc\":1,\"openMinutes\":0,"
                                + "\"availableMinutes\":0,\"percent\":\"none\"}")
                .isEmpty());
    }
}
