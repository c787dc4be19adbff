package bg.digiclub.systemtest.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import bg.digiclub.systemtest.support.ClubPc;
import bg.digiclub.systemtest.support.ClubPrivacy;
import bg.digiclub.systemtest.support.ClubSetup;
import bg.digiclub.systemtest.support.ClubSimulation;
import bg.digiclub.systemtest.support.CollectorChecks;
import bg.digiclub.systemtest.support.Expected;
import bg.digiclub.systemtest.support.Fault;
import bg.digiclub.systemtest.support.FaultProxy;
import bg.digiclub.systemtest.support.RodinaMonday;
import bg.digiclub.systemtest.support.Visit;
import bg.digiclub.testsupport.PrivacyScan;
import bg.digiclub.testsupport.TestClock;

/**
 * Three days at a club over a bad line: 500s, a 429 with Retry-After, connection resets in the
 * middle of an upload and after the collector stored the batch, answers that come after the
 * agent's timeout, slow answers, garbage instead of HTTP, a reverse proxy's HTML 502, a 200 with
 * a garbage body, and batches delivered twice on the way. Afterwards the collector's numbers are
 * exactly the sessions', and each batch is stored once.
 */
class FlakyNetworkTest {
    private static final int DAYS = 3;
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "collector on {0}")
    @ValueSource(strings = {"sqlite", "postgresql"})
    void everyFaultEndsWithEachBatchStoredOnceAndTheNumbersExact(String store) throws Exception {
        LocalDate first = RodinaMonday.DAY;
        try (ClubSetup setup = new ClubSetup(store, dir, first, 2, CALL_TIMEOUT)) {
            FaultProxy network = setup.network;
            network.timeoutAfter(CALL_TIMEOUT.toMillis() + 1_500);
            Fault[] faults = {
                Fault.SERVER_ERROR,
                Fault.STORED_THEN_SERVER_ERROR,
                Fault.RESET_MID_UPLOAD,
                Fault.STORED_THEN_RESET,
                Fault.STORED_THEN_TIMEOUT,
                Fault.SLOW,
                Fault.GARBAGE_RESPONSE,
                Fault.BAD_GATEWAY_HTML,
                Fault.STORED_THEN_GARBAGE_200,
                Fault.RATE_LIMITED,
                Fault.DUPLICATE,
                Fault.STORED_THEN_SERVER_ERROR,
                Fault.DUPLICATE,
                Fault.STORED_THEN_RESET
            };
            network.then(faults);
            List<Visit> visits = new ArrayList<>();
            try (ClubSimulation club = setup.simulation()) {
                for (int i = 0; i < DAYS; i++) {
                    LocalDate day = first.plusDays(i);
                    List<Visit> today = ClubSetup.thinned(day, i, 2, 2);
                    visits.addAll(today);
                    club.day(day, RodinaMonday.OPEN, RodinaMonday.CLOSE, today);
                }
                // bounded: after the last day, two more days of ticks outlast any backoff (6 h at most)
                club.nightAfter(first.plusDays(DAYS - 1), LocalTime.of(6, 0));
                club.tickUntil(first.plusDays(DAYS + 2)
                        .atTime(6, 0)
                        .atZone(TestClock.SOFIA)
                        .toInstant());
            }
            assertEquals(0, network.faultsLeft(), "every planned fault was met: " + network.applied());
            for (ClubPc pc : setup.pcs) {
                assertEquals(0, pc.waiting(), "everything delivered in the end");
                assertEquals(0, pc.upload().status().outbox().quarantined(), "no batch was refused for good");
            }

            Expected expected = new Expected(visits, TestClock.SOFIA);
            List<String> ids = CollectorChecks.ids(setup.pcArray());
            CollectorChecks.assertHours(
                    setup.collector, RodinaMonday.CLUB, expected, Map.of(ids.get(0), 0, ids.get(1), 1));
            CollectorChecks.assertEverySealedBatchStored(setup.collector, setup.pcArray());

            // the faults really made the agents send batches again: some keys reached the proxy more than once
            Map<String, Integer> sends = new HashMap<>();
            for (FaultProxy.Captured upload : network.uploads()) {
                sends.merge(upload.header("Idempotency-Key"), 1, Integer::sum);
            }
            assertTrue(sends.values().stream().anyMatch(n -> n > 1), "some batch was sent again: " + sends);

            assertDuplicateIsReplayed(
                    setup, network.uploads().get(network.uploads().size() - 1));
            CollectorChecks.assertEverySealedBatchStored(setup.collector, setup.pcArray());

            PrivacyScan scan = ClubPrivacy.scan(
                    visits,
                    TestClock.SOFIA,
                    setup.pcs.stream().map(ClubPc::database).toList());
            ClubPrivacy.assertClean(scan, network.captured());
        }
    }

    /**
     * The same batch delivered once more, straight to the collector (as a retry racing its own
     * answer would): the stored receipt again, marked as a replay, and nothing stored twice.
     */
    private static void assertDuplicateIsReplayed(ClubSetup setup, FaultProxy.Captured upload) throws Exception {
        String key = upload.header("Idempotency-Key");
        String token = null;
        for (ClubPc pc : setup.pcs) {
            var creds = pc.credentials().orElseThrow();
            if (upload.text().contains(creds.deviceId().toString())) {
                token = creds.token();
            }
        }
        long before = setup.collector.number("SELECT COUNT(*) FROM batches");
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(setup.collector.url() + "/api/v1/batches"))
                                .header("Authorization", "Bearer " + token)
                                .header("Idempotency-Key", key)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(upload.body()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("true", answer.headers().firstValue("Idempotent-Replayed").orElse(""), "answered as a replay");
        assertEquals(before, setup.collector.number("SELECT COUNT(*) FROM batches"));
    }
}
