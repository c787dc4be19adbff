package bg.digiclub.collector.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import bg.digiclub.collector.api.ProblemType;
import bg.digiclub.collector.server.ServerSettings;
import bg.digiclub.collector.testing.RunningCollector;
import bg.digiclub.collector.testing.SampleBatches;
import bg.digiclub.common.batch.Batch;
import bg.digiclub.common.batch.CheckStatus;
import bg.digiclub.common.batch.EnrolmentResponse;
import bg.digiclub.common.batch.Evictions;
import bg.digiclub.common.batch.HealthPayload;
import bg.digiclub.common.batch.HealthSnapshot;
import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.testsupport.Patience;
import bg.digiclub.testsupport.PrometheusSamples;
import bg.digiclub.testsupport.Promtool;

/**
 * {@code GET /metrics} of the real server over real HTTP, after real batches, replays and refusals:
 * Prometheus' own parser ({@code promtool check metrics}) reads the scrape without a complaint, the
 * counters say what happened, and only the allowed addresses are answered.
 */
class MetricsHttpTest {
    private static final Instant SLOT = Instant.parse("2026-11-24T22:00:00Z");
    private static final ServerSettings BASE = RunningCollector.SETTINGS;

    @TempDir
    Path temp;

    @ParameterizedTest
    @MethodSource("bg.digiclub.collector.testing.TestDatabases#kinds")
    void aScrapeAfterRealBatchesParsesAndCountsWhatHappened(String kind) throws Exception {
        try (RunningCollector c = new RunningCollector(kind, temp)) {
            EnrolmentResponse pc = c.enrol(RunningCollector.RODINA_CODE);
            Map<String, Double> before = scrape(c);
            assertEquals(1.0, before.get("digiclub_pcs{health=\"none\"}"), "enrolled, no health yet");
            assertEquals(2.0, before.get("digiclub_clubs{health=\"none\"}"));

            Batch usage = SampleBatches.usageDay(pc, 1, 3);
            assertEquals(200, upload(c, pc, usage, c.json.writeValueAsBytes(usage)));
            assertEquals(200, upload(c, pc, usage, c.json.writeValueAsBytes(usage)), "a replay");
            assertEquals(400, upload(c, pc, usage, "{\"schemaVersion\":1,".getBytes()), "malformed JSON");
            Batch conflict = SampleBatches.usageDay(pc, 1, 4);
            byte[] sameIdOtherContent = new String(c.json.writeValueAsBytes(conflict))
                    .replace(conflict.batchId().toString(), usage.batchId().toString())
                    .getBytes();
            assertEquals(422, upload(c, pc, usage, sameIdOtherContent), "the same batch id with other figures");
            Batch health = health(pc, HealthStatus.CRIT, 1, SLOT);
            assertEquals(200, upload(c, pc, health, c.json.writeValueAsBytes(health)));
            HttpResponse<String> noToken = c.http.send(c.http.request("/api/v1/cards/sync")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")));
            assertEquals(401, noToken.statusCode());

            HttpResponse<String> response = get(c, List.of());
            assertEquals(200, response.statusCode());
            assertEquals(
                    "text/plain; version=0.0.4; charset=utf-8",
                    response.headers().firstValue("Content-Type").orElse(""));
            Promtool.Verdict verdict = Promtool.checkMetrics(response.body());
            assertTrue(verdict.clean(), verdict + "\n" + response.body());

            Map<String, Double> after = PrometheusSamples.of(response.body());
            assertEquals(2.0, after.get("digiclub_batches_received_total{kind=\"usage\"}"), "stored + replayed");
            assertEquals(1.0, after.get("digiclub_batches_received_total{kind=\"health\"}"));
            assertEquals(1.0, after.get("digiclub_batches_replayed_total"));
            assertEquals(1.0, after.get("digiclub_batches_rejected_total{reason=\"malformed-json\"}"));
            assertEquals(1.0, after.get("digiclub_batches_rejected_total{reason=\"batch-conflict\"}"), response.body());
            assertEquals(1.0, after.get("digiclub_card_syncs_rejected_total{reason=\"missing-token\"}"));
            assertEquals(0.0, after.get("digiclub_card_syncs_total"));
            assertEquals(0.0, after.get("digiclub_live_connections"));
            assertEquals(0.0, after.get("digiclub_intake_writer_queue"), "every batch answered");
            assertEquals(1.0, after.get("digiclub_build_info{version=\"unknown\"}"));
            assertTrue(after.get("digiclub_jvm_heap_bytes{state=\"used\"}") > 0);
            String pool = kind.equals("sqlite") ? "sqlite-writer" : "postgresql";
            assertEquals(
                    kind.equals("sqlite") ? 1.0 : 12.0,
                    after.get("digiclub_db_pool_connections{pool=\"" + pool + "\",state=\"max\"}"));
            // the health counts are kept 15 s: a scrape every few seconds reads the database once
            assertEquals(1.0, after.get("digiclub_pcs{health=\"none\"}"), "still the counts read 15 s ago");
            c.clock.advance(FleetHealth.KEPT);
            Map<String, Double> later = scrape(c);
            assertEquals(1.0, later.get("digiclub_pcs{health=\"CRIT\"}"));
            assertEquals(0.0, later.get("digiclub_pcs{health=\"none\"}"));
            assertEquals(1.0, later.get("digiclub_clubs{health=\"red\"}"), "Rodina: its one PC is CRIT");
            assertEquals(1.0, later.get("digiclub_clubs{health=\"none\"}"), "Zagore: no PC");
            assertEquals(0.0, later.get("digiclub_clubs{health=\"green\"}"));
        }
    }

    /**
     * The intake writer's queue, seen while SQLite's one writer connection is held: the writer thread
     * takes the first batch and waits for the connection (the pool's {@code pending}, beside the live
     * sweep's write), the second batch waits in the queue, and the gauge says 1 until the connection is
     * free and both are stored.
     */
    @Test
    void theIntakeWritersQueueShowsBatchesWaitingForTheDatabase() throws Exception {
        try (RunningCollector c = new RunningCollector("sqlite", temp)) {
            EnrolmentResponse pc = c.enrol(RunningCollector.RODINA_CODE);
            assertEquals(0.0, scrape(c).get("digiclub_intake_writer_queue"));
            ExecutorService threads = Executors.newFixedThreadPool(3);
            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            try {
                Future<Boolean> holder = threads.submit(() -> c.database.write(connection -> {
                    held.countDown();
                    try {
                        return release.await(Patience.LIMIT.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                }));
                held.await();
                // the live channel's sweep writes every 2 s: it waits for the held connection first
                Patience.await("the live sweep waiting for the held connection")
                        .until(() -> pendingWriters(c), pending -> pending == 1.0);
                Future<Integer> first = threads.submit(() -> upload(c, pc, health(pc, HealthStatus.OK, 1, SLOT)));
                Patience.await("the intake writer thread, with the first batch, waiting for it too")
                        .until(() -> pendingWriters(c), pending -> pending == 2.0);
                assertEquals(0.0, scrape(c).get("digiclub_intake_writer_queue"), "the batch being written");
                Batch later = health(pc, HealthStatus.WARN, 2, SLOT.plus(Duration.ofMinutes(15)));
                Future<Integer> second = threads.submit(() -> upload(c, pc, later));
                Patience.await("the second batch in the intake writer's queue")
                        .until(() -> scrape(c).get("digiclub_intake_writer_queue"), queued -> queued == 1.0);
                release.countDown();
                assertTrue(holder.get(), "the connection was held until released");
                assertEquals(200, first.get());
                assertEquals(200, second.get());
                assertEquals(0.0, scrape(c).get("digiclub_intake_writer_queue"));
            } finally {
                release.countDown();
                threads.shutdownNow();
            }
        }
    }

    @Test
    void onlyTheAllowedAddressesAreAnsweredAndOthersGetAProblem() throws Exception {
        try (RunningCollector c =
                new RunningCollector("sqlite", temp, BASE.withMetricsAllowedAddresses(List.of("10.0.0.0/8")))) {
            HttpResponse<String> refused = get(c, List.of("X-Forwarded-For", "10.1.2.3"));
            assertEquals(403, refused.statusCode(), "loopback is not allowed, and no proxy is trusted");
            assertEquals(
                    "application/problem+json",
                    refused.headers().firstValue("Content-Type").orElse(""));
            JsonNode problem = c.json.readTree(refused.body());
            assertEquals(403, problem.get("status").asInt());
            assertEquals(
                    ProblemType.METRICS_NOT_ALLOWED.title(),
                    problem.get("title").asText());
            assertEquals("metrics-not-allowed", problem.get("code").asText());
            assertEquals(
                    "/api/v1/problems/metrics-not-allowed", problem.get("type").asText());
            assertTrue(problem.get("detail").asText().contains("metrics.allowed-addresses"));
        }
        try (RunningCollector c = new RunningCollector(
                "sqlite",
                temp.resolve("behind-proxy"),
                BASE.withTrustedProxies(List.of("127.0.0.1")).withMetricsAllowedAddresses(List.of("10.0.0.0/8")))) {
            assertEquals(
                    200, get(c, List.of("X-Forwarded-For", "10.1.2.3")).statusCode(), "the proxy names the client");
            assertEquals(403, get(c, List.of("X-Forwarded-For", "192.168.1.9")).statusCode());
            assertEquals(403, get(c, List.of()).statusCode(), "the proxy itself is not an allowed client");
        }
    }

    @Test
    void theDefaultIsThisMachineOnly() {
        assertEquals(List.of("127.0.0.0/8", "::1"), BASE.metricsAllowedAddresses());
        assertTrue(BASE.metricsClients().contains("127.0.0.1"));
        assertTrue(BASE.metricsClients().contains("::1"));
        assertTrue(!BASE.metricsClients().contains("192.168.1.10"));
    }

    private static HttpResponse<String> get(RunningCollector c, List<String> headers) throws Exception {
        HttpRequest.Builder request = c.http.request(MetricsEndpoint.PATH).GET();
        for (int i = 0; i < headers.size(); i += 2) {
            request.header(headers.get(i), headers.get(i + 1));
        }
        return c.http.send(request);
    }

    /** Threads waiting for SQLite's one writer connection. */
    private static double pendingWriters(RunningCollector c) throws Exception {
        return scrape(c).get("digiclub_db_pool_connections{pool=\"sqlite-writer\",state=\"pending\"}");
    }

    private static Map<String, Double> scrape(RunningCollector c) throws Exception {
        HttpResponse<String> response = get(c, List.of());
        assertEquals(200, response.statusCode(), response.body());
        return PrometheusSamples.of(response.body());
    }

    private static int upload(RunningCollector c, EnrolmentResponse pc, Batch batch, byte[] body) throws Exception {
        return c.http.upload(pc.token(), batch.batchId().toString(), body).statusCode();
    }

    private static int upload(RunningCollector c, EnrolmentResponse pc, Batch batch) throws Exception {
        return upload(c, pc, batch, c.json.writeValueAsBytes(batch));
    }

    private static Batch health(EnrolmentResponse device, HealthStatus status, long sequence, Instant slot) {
        return Batch.health(
                UUID.randomUUID(),
                device.deviceId(),
                device.clubId(),
                "0.1.0",
                "Europe/Sofia",
                slot,
                slot.plus(Duration.ofMinutes(15)),
                sequence,
                Evictions.NONE,
                new HealthPayload(
                        List.of(new HealthSnapshot(slot, status, List.of(new CheckStatus("disk:/", status)))),
                        List.of()));
    }
}
