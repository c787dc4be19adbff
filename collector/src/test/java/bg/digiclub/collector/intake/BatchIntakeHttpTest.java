package bg.digiclub.collector.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import bg.digiclub.collector.server.ServerSettings;
import bg.digiclub.collector.store.ClubStore;
import bg.digiclub.collector.testing.Http;
import bg.digiclub.collector.testing.RunningCollector;
import bg.digiclub.collector.testing.SampleBatches;
import bg.digiclub.common.batch.Batch;
import bg.digiclub.common.batch.BatchReceipt;
import bg.digiclub.common.batch.CheckStatus;
import bg.digiclub.common.batch.DayUsage;
import bg.digiclub.common.batch.DemographicCount;
import bg.digiclub.common.batch.EnrolmentResponse;
import bg.digiclub.common.batch.Evictions;
import bg.digiclub.common.batch.HealthDay;
import bg.digiclub.common.batch.HealthPayload;
import bg.digiclub.common.batch.HealthSnapshot;
import bg.digiclub.common.batch.HourUsage;
import bg.digiclub.common.batch.Problem;
import bg.digiclub.common.batch.UsagePayload;
import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Sex;

/**
 * Batch intake over real HTTP against the real server and database: what is stored, what is
 * refused with which status and reason, and that a refusal stores nothing.
 */
class BatchIntakeHttpTest {
    @TempDir
    Path temp;

    private byte[] bytes(RunningCollector c, Batch batch) throws Exception {
        return c.json.writeValueAsBytes(batch);
    }

    private static Problem problem(RunningCollector c, HttpResponse<String> response) throws Exception {
        return c.json.readValue(response.body(), Problem.class);
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void storedBatchIsAnsweredAgainIdenticallyOnReplay(String kind) throws Exception {
        try (RunningCollector c = new RunningCollector(kind, temp)) {
            EnrolmentResponse pc = c.enrol(RunningCollector.RODINA_CODE);
            Batch batch = SampleBatches.usageDay(pc, 1, 3);
            HttpResponse<String> first =
                    c.http.upload(pc.token(), batch.batchId().toString(), bytes(c, batch));
            assertEquals(200, first.statusCode(), first.body());
            BatchReceipt receipt = c.json.readValue(first.body(), BatchReceipt.class);
            assertEquals(batch.batchId(), receipt.batchId());
            c.clock.advance(Duration.ofMinutes(10));
            HttpResponse<String> again =
                    c.http.upload(pc.token(), batch.batchId().toString(), bytes(c, batch));
            assertEquals(200, again.statusCode());
            assertEquals(first.body(), again.body());
            assertEquals(
                    "true", again.headers().firstValue("Idempotent-Replayed").orElse(""));
            assertEquals(1, c.count("SELECT COUNT(*) FROM batches"));
            assertEquals(3, c.count("SELECT SUM(sessions) FROM club_days"));
        }
    }

    /**
     * Issue 14: an agent not yet upgraded still sends the legacy bands cut at 16, an upgraded one
     * the bands cut at 15; the collector takes both, each under its own name.
     */
    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void legacyBandsFromAnOlderAgentAndTheNewBandsAreBothStored(String kind) throws Exception {
        try (RunningCollector c = new RunningCollector(kind, temp)) {
            EnrolmentResponse pc = c.enrol(RunningCollector.RODINA_CODE);
            Batch batch = SampleBatches.usageDay(pc, 1, 5);
            String id = batch.batchId().toString();
            // the JSON an older agent sends: its cells as it names them
            String older = new String(bytes(c, batch))
                    .replace(
                            "{\"ageBand\":\"AGE_55_64\",\"sex\":\"MALE\",\"sessions\":5}",
                            "{\"ageBand\":\"AGE_0_15\",\"sex\":\"MALE\",\"sessions\":2},"
                                    + "{\"ageBand\":\"AGE_16_17\",\"sex\":\"FEMALE\",\"sessions\":3}");
            HttpResponse<String> first = c.http.upload(pc.token(), id, older.getBytes());
            assertEquals(200, first.statusCode(), first.body());

            c.clock.advance(Duration.ofDays(1)); // the upgraded agent sends the next day, once it has ended
            Batch next = Batch.usage(
                    UUID.randomUUID(),
                    pc.deviceId(),
                    pc.clubId(),
                    "0.2.0",
                    "Europe/Sofia",
                    Instant.parse("2026-11-24T22:00:00Z"),
                    Instant.parse("2026-11-25T22:00:00Z"),
                    2,
                    Evictions.NONE,
                    new UsagePayload(
                            List.of(new HourUsage(Instant.parse("2026-11-25T08:00:00Z"), 4, 4, 0, 40, 60)),
                            List.of(new DayUsage(
                                    LocalDate.parse("2026-11-25"),
                                    List.of(
                                            new DemographicCount(AgeBand.AGE_0_14, Sex.FEMALE, 1),
                                            new DemographicCount(AgeBand.AGE_15_17, Sex.MALE, 3)),
                                    0,
                                    List.of()))));
            HttpResponse<String> second =
                    c.http.upload(pc.token(), next.batchId().toString(), bytes(c, next));
            assertEquals(200, second.statusCode(), second.body());

            assertEquals(2, c.count("SELECT sessions FROM club_demographics WHERE age_band = 'AGE_0_15'"));
            assertEquals(3, c.count("SELECT sessions FROM club_demographics WHERE age_band = 'AGE_16_17'"));
            assertEquals(1, c.count("SELECT sessions FROM club_demographics WHERE age_band = 'AGE_0_14'"));
            assertEquals(3, c.count("SELECT sessions FROM club_demographics WHERE age_band = 'AGE_15_17'"));
            assertEquals(9, c.count("SELECT SUM(sessions) FROM usage_demographics"));

            Batch third = SampleBatches.usageDay(pc, 3, 1);
            String unknown = new String(bytes(c, third)).replace("AGE_55_64", "AGE_0_13");
            HttpResponse<String> refused =
                    c.http.upload(pc.token(), third.batchId().toString(), unknown.getBytes());
            assertEquals(400, refused.statusCode(), refused.body());
            assertTrue(problem(c, refused).message().contains("AGE_0_13"), refused.body());
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void sameBatchIdWithOtherContentIs422(String kind) throws Exception {
        try (RunningCollector c = new RunningCollector(kind, temp)) {
            EnrolmentResponse pc = c.enrol(RunningCollector.RODINA_CODE);
            Batch batch = SampleBatches.usageDay(pc, 1, 3);
            c.http.upload(pc.token(), batch.batchId().toString(), bytes(c, batch));
            Batch other = SampleBatches.usageDay(pc, 1, 4);
            byte[] changed = new String(bytes(c, other))
                    .replace(other.batchId().toString(), batch.batchId().toString())
                    .getBytes();
            HttpResponse<String> response =
                    c.http.upload(pc.token(), batch.batchId().toString(), changed);
            assertEquals(422, response.statusCode());
            assertEquals("batch-conflict", problem(c, response).code());
            assertEquals(3, c.count("SELECT SUM(sessions) FROM club_days"));
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void badInputIsRefusedWithAReasonAndStoresNothing(String kind) throws Exception {
        try (RunningCollector c = new RunningCollector(kind, temp)) {
            EnrolmentResponse pc = c.enrol(RunningCollector.RODINA_CODE);
            Batch batch = SampleBatches.usageDay(pc, 1, 3);
            String id = batch.batchId().toString();
            String good = new String(bytes(c, batch));

            expect(c, c.http.upload(pc.token(), id, "{\"schemaVersion\":1,".getBytes()), 400, "malformed-json", "");
            expect(
                    c,
                    c.http.upload(
                            pc.token(),
                            id,
                            good.replace("\"sessionMinutes\":40", "\"sessionMinutes\":40,\"hostName\":\"pc-3\"")
                                    .getBytes()),
                    400,
                    "unknown-field",
                    "hostName");
            expect(
                    c,
                    c.http.upload(
                            pc.token(),
                            id,
                            good.replace("\"sessionMinutes\":40", "\"sessionMinutes\":\"40\"")
                                    .getBytes()),
                    400,
                    "wrong-type",
                    "sessionMinutes");
            expect(
                    c,
                    c.http.upload(
                            pc.token(),
                            id,
                            good.replace("\"sessionMinutes\":40", "\"sessionMinutes\":40.5")
                                    .getBytes()),
                    400,
                    "wrong-type",
                    "sessionMinutes");
            expect(
                    c,
                    c.http.upload(
                            pc.token(),
                            id,
                            good.replace("\"AGE_55_64\"", "\"AGE_99\"").getBytes()),
                    400,
                    "wrong-type",
                    "AGE_99");
            expect(
                    c,
                    c.http.upload(
                            pc.token(),
                            id,
                            good.replace("\"sessionMinutes\":40,", "").getBytes()),
                    400,
                    "missing-field",
                    "sessionMinutes");
            expect(
                    c,
                    c.http.upload(
                            pc.token(),
                            id,
                            good.replace("\"sessionMinutes\":40", "\"sessionMinutes\":61")
                                    .getBytes()),
                    422,
                    "invalid",
                    "sessionMinutes must be between 0 and 60");
            expect(
                    c,
                    c.http.upload(
                            pc.token(),
                            id,
                            good.replace("\"schemaVersion\":1", "\"schemaVersion\":2")
                                    .getBytes()),
                    400,
                    "unsupported-schema-version",
                    "schemaVersion 2");
            expect(
                    c,
                    c.http.upload(pc.token(), UUID.randomUUID().toString(), good.getBytes()),
                    400,
                    "bad-header",
                    "Idempotency-Key");
            expect(
                    c,
                    c.http.send(c.http.request("/api/v1/batches")
                            .header("Authorization", "Bearer " + pc.token())
                            .header("Idempotency-Key", id)
                            .header("Content-Type", "application/json")
                            .header("Content-Encoding", "gzip")
                            .POST(HttpRequest.BodyPublishers.ofString(good))),
                    400,
                    "malformed-gzip",
                    "gzip");

            assertEquals(0, c.count("SELECT COUNT(*) FROM batches"));
            assertEquals(0, c.count("SELECT COUNT(*) FROM usage_hours"));
            HttpResponse<String> ok = c.http.upload(pc.token(), id, good.getBytes());
            assertEquals(200, ok.statusCode(), "the service still takes good batches: " + ok.body());
        }
    }

    @Test
    void hugeBodiesAndGzipBombsAre413() throws Exception {
        try (RunningCollector c = new RunningCollector("sqlite", temp)) {
            EnrolmentResponse pc = c.enrol(RunningCollector.RODINA_CODE);
            String id = UUID.randomUUID().toString();
            // 300 KB of plain JSON whitespace: over the wire limit
            byte[] huge = ("{" + " ".repeat(300 * 1024) + "}").getBytes();
            expect(
                    c,
                    c.http.send(c.http.request("/api/v1/batches")
                            .header("Authorization", "Bearer " + pc.token())
                            .header("Idempotency-Key", id)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(huge))),
                    413,
                    "too-large",
                    "allowed");
            // 50 MB of zeros in ~50 KB of gzip: small on the wire, a bomb when inflated
            ByteArrayOutputStream bomb = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(bomb)) {
                byte[] zeros = new byte[1 << 20];
                for (int i = 0; i < 50; i++) {
                    gz.write(zeros);
                }
            }
            assertTrue(bomb.size() < 256 * 1024, "the bomb fits the wire limit: " + bomb.size());
            expect(
                    c,
                    c.http.send(c.http.request("/api/v1/batches")
                            .header("Authorization", "Bearer " + pc.token())
                            .header("Idempotency-Key", id)
                            .header("Content-Type", "application/json")
                            .header("Content-Encoding", "gzip")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bomb.toByteArray()))),
                    413,
                    "too-large",
                    "decompresses to more than");
            assertEquals(0, c.count("SELECT COUNT(*) FROM batches"));
            assertEquals(200, c.http.send(c.http.request("/healthz").GET()).statusCode());
        }
    }

    @Test
    void tokensAreCheckedAndRevocable() throws Exception {
        try (RunningCollector c = new RunningCollector("sqlite", temp)) {
            EnrolmentResponse rodina = c.enrol(RunningCollector.RODINA_CODE);
            EnrolmentResponse zagore = c.enrol(RunningCollector.ZAGORE_CODE);
            Batch batch = SampleBatches.usageDay(rodina, 1, 2);
            String id = batch.batchId().toString();
            byte[] body = bytes(c, batch);
            expect(
                    c,
                    c.http.send(c.http.request("/api/v1/batches")
                            .header("Idempotency-Key", id)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))),
                    401,
                    "missing-token",
                    "Authorization");
            expect(c, c.http.upload("x".repeat(43), id, body), 401, "invalid-token", "unknown");
            expect(c, c.http.upload(zagore.token(), id, body), 403, "device-mismatch", "another device");
            new ClubStore(c.database).revokeDevice(rodina.deviceId());
            // the intake remembers a token's device for 10 s, so a revocation takes effect within that
            c.clock.advance(Duration.ofSeconds(10));
            expect(c, c.http.upload(rodina.token(), id, body), 401, "invalid-token", "revoked");
            assertEquals(0, c.count("SELECT COUNT(*) FROM batches"));

            // re-enrolment keeps the device id, so the sealed batch is accepted with the new token
            HttpResponse<String> again = c.http.send(c.http.request("/api/v1/enrolments")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"enrolmentCode\":\""
                            + RunningCollector.RODINA_CODE.toLowerCase()
                            + "\",\"agentVersion\":\"0.1.0\",\"previousDeviceId\":\"" + rodina.deviceId() + "\"}")));
            assertEquals(422, again.statusCode(), "a lowercase code does not match the schema: " + again.body());
            again = c.http.send(c.http.request("/api/v1/enrolments")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"enrolmentCode\":\"" + RunningCollector.RODINA_CODE
                            + "\",\"agentVersion\":\"0.1.0\",\"previousDeviceId\":\"" + rodina.deviceId() + "\"}")));
            assertEquals(201, again.statusCode(), again.body());
            EnrolmentResponse renewed = c.json.readValue(again.body(), EnrolmentResponse.class);
            assertEquals(rodina.deviceId(), renewed.deviceId());
            assertEquals(rodina.deviceNumber(), renewed.deviceNumber());
            assertEquals(200, c.http.upload(renewed.token(), id, body).statusCode());
            c.clock.advance(Duration.ofSeconds(10));
            expect(c, c.http.upload(rodina.token(), id, body), 401, "invalid-token", "unknown");
        }
    }

    @Test
    void enrolmentWithAWrongCodeIsRefusedAndThrottled() throws Exception {
        try (RunningCollector c = new RunningCollector("sqlite", temp)) {
            for (int i = 0; i < 10; i++) {
                HttpResponse<String> response = c.http.send(c.http.request("/api/v1/enrolments")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"enrolmentCode\":\"AAAA-AAAA-AAAA\",\"agentVersion\":\"0.1.0\"}")));
                assertEquals(403, response.statusCode());
                assertEquals("enrolment-refused", problem(c, response).code());
            }
            HttpResponse<String> locked = c.http.send(c.http.request("/api/v1/enrolments")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"enrolmentCode\":\"" + RunningCollector.RODINA_CODE
                            + "\",\"agentVersion\":\"0.1.0\"}")));
            assertEquals(429, locked.statusCode());
            assertTrue(locked.headers().firstValue("Retry-After").isPresent());
            c.clock.advance(Duration.ofMinutes(2));
            assertEquals(
                    201,
                    c.http.send(c.http.request("/api/v1/enrolments")
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"enrolmentCode\":\""
                                            + RunningCollector.RODINA_CODE + "\",\"agentVersion\":\"0.1.0\"}")))
                            .statusCode());
            assertEquals(0, c.count("SELECT COUNT(*) FROM devices WHERE club_id <> 'sz-rodina-1860'"));
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void aRepeatedOrFallingSequenceIs422ButAReplayStaysASuccess(String kind) throws Exception {
        try (RunningCollector c = new RunningCollector(kind, temp)) {
            EnrolmentResponse pc = c.enrol(RunningCollector.RODINA_CODE);
            Batch second = SampleBatches.usageDay(pc, 2, 3);
            assertEquals(
                    200,
                    c.http.upload(pc.token(), second.batchId().toString(), bytes(c, second))
                            .statusCode());
            Batch again = SampleBatches.usageDay(pc, 2, 3);
            expect(
                    c,
                    c.http.upload(pc.token(), again.batchId().toString(), bytes(c, again)),
                    422,
                    "sequence-not-increasing",
                    "the same as 2");
            Batch first = SampleBatches.usageDay(pc, 1, 3);
            expect(
                    c,
                    c.http.upload(pc.token(), first.batchId().toString(), bytes(c, first)),
                    422,
                    "sequence-not-increasing",
                    "below 2");
            HttpResponse<String> replay =
                    c.http.upload(pc.token(), second.batchId().toString(), bytes(c, second));
            assertEquals(200, replay.statusCode(), replay.body());
            assertEquals(
                    "true", replay.headers().firstValue("Idempotent-Replayed").orElse(""));
            assertEquals(1, c.count("SELECT COUNT(*) FROM batches"));
            assertEquals(3, c.count("SELECT SUM(sessions) FROM club_days"));
        }
    }

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void periodsBeforeTheEnrolmentDayAreRefused(String kind) throws Exception {
        try (RunningCollector c = new RunningCollector(kind, temp)) {
            // enrolled at 08:00 Sofia time on 25 November, by the collector's clock
            EnrolmentResponse pc = c.enrolNow(RunningCollector.RODINA_CODE);
            Batch yesterday = SampleBatches.usageDay(pc, 1, 3);
            expect(
                    c,
                    c.http.upload(pc.token(), yesterday.batchId().toString(), bytes(c, yesterday)),
                    422,
                    "before-enrolment",
                    "2026-11-25");
            Instant slot = Instant.parse("2026-11-25T05:45:00Z");
            Batch oldDay = Batch.health(
                    UUID.randomUUID(),
                    pc.deviceId(),
                    pc.clubId(),
                    "0.1.0",
                    "Europe/Sofia",
                    slot,
                    slot.plus(Duration.ofMinutes(15)),
                    2,
                    Evictions.NONE,
                    new HealthPayload(
                            List.of(),
                            List.of(new HealthDay(LocalDate.parse("2026-11-24"), List.of(), null, null, 0, 600))));
            expect(
                    c,
                    c.http.upload(pc.token(), oldDay.batchId().toString(), bytes(c, oldDay)),
                    422,
                    "before-enrolment",
                    "health day 2026-11-24");
            assertEquals(0, c.count("SELECT COUNT(*) FROM batches"));
            // the enrolment day itself is the PC's first: its slots (and, tomorrow, its usage) are taken
            Batch today = Batch.health(
                    UUID.randomUUID(),
                    pc.deviceId(),
                    pc.clubId(),
                    "0.1.0",
                    "Europe/Sofia",
                    Instant.parse("2026-11-24T22:00:00Z"),
                    Instant.parse("2026-11-24T22:15:00Z"),
                    3,
                    Evictions.NONE,
                    new HealthPayload(
                            List.of(new HealthSnapshot(
                                    Instant.parse("2026-11-24T22:00:00Z"),
                                    HealthStatus.OK,
                                    List.of(new CheckStatus("memory", HealthStatus.OK)))),
                            List.of()));
            HttpResponse<String> ok = c.http.upload(pc.token(), today.batchId().toString(), bytes(c, today));
            assertEquals(200, ok.statusCode(), ok.body());
        }
    }

    @Test
    void aDayWithMoreVisitorsThanSessionsOrOnlyPartlyInItsPeriodIs422() throws Exception {
        try (RunningCollector c = new RunningCollector("sqlite", temp)) {
            EnrolmentResponse pc = c.enrol(RunningCollector.RODINA_CODE);
            Instant ten = Instant.parse("2026-11-24T08:00:00Z");
            Batch inflated = Batch.usage(
                    UUID.randomUUID(),
                    pc.deviceId(),
                    pc.clubId(),
                    "0.1.0",
                    "Europe/Sofia",
                    Instant.parse("2026-11-23T22:00:00Z"),
                    Instant.parse("2026-11-24T22:00:00Z"),
                    1,
                    Evictions.NONE,
                    new UsagePayload(
                            List.of(
                                    new HourUsage(ten, 2, 2, 0, 40, 60),
                                    new HourUsage(ten.plusSeconds(3600), 1, 1, 0, 20, 60)),
                            List.of(new DayUsage(
                                    LocalDate.parse("2026-11-24"),
                                    List.of(
                                            new DemographicCount(AgeBand.AGE_55_64, Sex.MALE, 3),
                                            new DemographicCount(AgeBand.AGE_65_74, Sex.FEMALE, 1)),
                                    0,
                                    List.of()))));
            expect(
                    c,
                    c.http.upload(pc.token(), inflated.batchId().toString(), bytes(c, inflated)),
                    422,
                    "demographics-exceed-sessions",
                    "counts 4 sessions by age band and sex, but its hours started only 3");
            // a day that begins before the period (UTC midnight, not Sofia's): its early hours are elsewhere
            Batch partial = Batch.usage(
                    UUID.randomUUID(),
                    pc.deviceId(),
                    pc.clubId(),
                    "0.1.0",
                    "Europe/Sofia",
                    Instant.parse("2026-11-24T00:00:00Z"),
                    Instant.parse("2026-11-24T22:00:00Z"),
                    2,
                    Evictions.NONE,
                    new UsagePayload(
                            List.of(new HourUsage(ten, 3, 3, 0, 40, 60)),
                            List.of(new DayUsage(
                                    LocalDate.parse("2026-11-24"),
                                    List.of(new DemographicCount(AgeBand.AGE_55_64, Sex.MALE, 3)),
                                    0,
                                    List.of()))));
            expect(
                    c,
                    c.http.upload(pc.token(), partial.batchId().toString(), bytes(c, partial)),
                    422,
                    "partial-day",
                    "only partly inside");
            assertEquals(0, c.count("SELECT COUNT(*) FROM batches"));
            Batch fine = SampleBatches.usageDay(pc, 3, 3);
            assertEquals(
                    200,
                    c.http.upload(pc.token(), fine.batchId().toString(), bytes(c, fine))
                            .statusCode());
        }
    }

    @Test
    void aDeviceOverItsRateHears429WithRetryAfter() throws Exception {
        ServerSettings slow = RunningCollector.SETTINGS.withRate(1, 3);
        try (RunningCollector c = new RunningCollector("sqlite", temp, slow)) {
            EnrolmentResponse pc = c.enrol(RunningCollector.RODINA_CODE);
            Batch batch = SampleBatches.usageDay(pc, 1, 2);
            byte[] body = bytes(c, batch);
            for (int i = 0; i < 3; i++) {
                assertEquals(
                        200,
                        c.http.upload(pc.token(), batch.batchId().toString(), body)
                                .statusCode());
            }
            HttpResponse<String> limited =
                    c.http.upload(pc.token(), batch.batchId().toString(), body);
            expect(c, limited, 429, "rate-limited", "retry after");
            assertEquals("1", limited.headers().firstValue("Retry-After").orElse(""));
            c.clock.advance(Duration.ofSeconds(1));
            assertEquals(
                    200,
                    c.http.upload(pc.token(), batch.batchId().toString(), body).statusCode());
        }
    }

    private static void expect(
            RunningCollector c, HttpResponse<String> response, int status, String code, String inMessage)
            throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        Problem problem = problem(c, response);
        assertEquals(code, problem.code(), response.body());
        assertTrue(
                problem.message().contains(inMessage),
                "message should mention " + inMessage + ": " + problem.message());
    }

    static byte[] gzip(byte[] bytes) throws Exception {
        return Http.gzip(bytes);
    }
}
