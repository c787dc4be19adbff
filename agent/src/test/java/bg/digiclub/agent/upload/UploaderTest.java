package bg.digiclub.agent.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.common.batch.BatchKind;
import bg.digiclub.testsupport.TestClock;

/** The uploader against a collector over real loopback HTTP, fault by fault. */
class UploaderTest {
    private static final Set<BatchKind> ALL = EnumSet.allOf(BatchKind.class);

    @TempDir
    Path dir;

    FakeCollector collector;
    UploadRig rig;
    Uploader uploader;

    @BeforeEach
    void setUp() throws Exception {
        ScanningPrivacyGuard scan = ScanningPrivacyGuard.none();
        collector = new FakeCollector(scan);
        rig = new UploadRig(dir, TestClock.sofia("2026-11-24T10:00:00Z"), scan, collector.url());
        rig.enrol(collector.url());
        uploader = rig.uploader();
    }

    @AfterEach
    void tearDown() throws Exception {
        assertEquals(List.of(), collector.violations(), "privacy scan of every received body");
        rig.close();
        collector.close();
    }

    @Test
    void deliversOldestFirstWithTokenGzipAndIdempotencyKeyThenDeletes() throws Exception {
        SealInfo a = rig.sealSample(BatchKind.USAGE);
        SealInfo b = rig.sealSample(BatchKind.HEALTH);
        UploadRound round = uploader.send(ALL, false);
        assertEquals(UploadRound.Outcome.DONE, round.outcome());
        assertEquals(2, round.sent());
        RecordedRequest first = collector.server().takeRequest(1, TimeUnit.SECONDS);
        assertEquals("POST", first.getMethod());
        assertEquals("/api/v1/batches", first.getUrl().encodedPath());
        assertEquals("Bearer " + FakeCollector.TOKEN, first.getHeaders().get("Authorization"));
        assertEquals("gzip", first.getHeaders().get("Content-Encoding"));
        assertEquals(a.batchId().toString(), first.getHeaders().get("Idempotency-Key"));
        assertEquals(
                b.batchId().toString(),
                collector.server().takeRequest(1, TimeUnit.SECONDS).getHeaders().get("Idempotency-Key"));
        assertEquals(List.of(), rig.outbox.all());
        assertTrue(UploadState.load(rig.db).lastSuccessAt().isPresent());
    }

    @Test
    void onlyTheRequestedKindsAreSent() throws Exception {
        rig.sealSample(BatchKind.USAGE);
        rig.sealSample(BatchKind.HEALTH);
        assertEquals(1, uploader.send(EnumSet.of(BatchKind.HEALTH), false).sent());
        assertEquals(BatchKind.USAGE, rig.outbox.all().get(0).kind());
    }

    @Test
    void serverErrorKeepsEverythingAndBacksOffUntilTheClockPassesTheRetryTime() throws Exception {
        rig.sealSample(BatchKind.USAGE);
        rig.sealSample(BatchKind.USAGE);
        collector.then(FakeCollector.problem(500, "internal", "database unavailable"));
        UploadRound failed = uploader.send(ALL, false);
        assertEquals(UploadRound.Outcome.RETRY_LATER, failed.outcome());
        assertTrue(failed.detail().contains("500"), failed.detail());
        Instant retryAt = failed.retryAt().orElseThrow();
        assertFalse(
                retryAt.isAfter(rig.clock.instant().plus(rig.config.initialBackoff())),
                "full jitter under the first ceiling");
        assertEquals(2, rig.outbox.all().size());
        assertEquals(1, rig.outbox.all().get(0).attempts());
        assertEquals(1, collector.requestCount(), "the round stops at the first retryable failure");

        rig.clock.set(retryAt.minusMillis(1));
        assertEquals(UploadRound.Outcome.BACKING_OFF, uploader.send(ALL, false).outcome());
        assertEquals(1, collector.requestCount());
        rig.clock.set(retryAt);
        UploadRound ok = uploader.send(ALL, false);
        assertEquals(UploadRound.Outcome.DONE, ok.outcome());
        assertEquals(2, ok.sent());
        assertEquals(0, UploadState.load(rig.db).consecutiveFailures());
    }

    @Test
    void backoffGrowsWithConsecutiveFailuresAndIsKeptAcrossARestart() throws Exception {
        rig.sealSample(BatchKind.USAGE);
        collector.down(FakeCollector.status(503, "unavailable"));
        Duration longest = Duration.ZERO;
        for (int i = 1; i <= 12; i++) {
            UploadRound r = uploader.send(ALL, false);
            assertEquals(UploadRound.Outcome.RETRY_LATER, r.outcome());
            Duration wait = Duration.between(rig.clock.instant(), r.retryAt().orElseThrow());
            assertTrue(wait.compareTo(rig.config.maxBackoff()) <= 0, "capped: " + wait);
            longest = longest.compareTo(wait) < 0 ? wait : longest;
            rig.clock.set(r.retryAt().get());
        }
        assertTrue(longest.compareTo(Duration.ofMinutes(30)) > 0, "grew well past the first 30 s: " + longest);
        assertEquals(12, UploadState.load(rig.db).consecutiveFailures());
        Instant notBefore = UploadState.load(rig.db).notBefore();
        rig.reopen();
        assertEquals(notBefore, UploadState.load(rig.db).notBefore());
        assertEquals(1, rig.outbox.all().size(), "never given up");
    }

    @Test
    void tooManyRequestsWaitsAtLeastRetryAfterSeconds() throws Exception {
        rig.sealSample(BatchKind.USAGE);
        collector.then(FakeCollector.status(
                429, "{\"status\":429,\"code\":\"rate-limited\",\"message\":\"slow down\"}", "Retry-After", "3600"));
        UploadRound r = uploader.send(ALL, false);
        assertEquals(UploadRound.Outcome.RETRY_LATER, r.outcome());
        assertEquals(
                rig.clock.instant().plusSeconds(3600),
                r.retryAt().orElseThrow(),
                "Retry-After (1 h) is longer than the jittered 30 s, so it wins");
        assertTrue(r.detail().contains("rate-limited: slow down"), r.detail());
    }

    @Test
    void serviceUnavailableWithRetryAfterHttpDateIsHonoured() throws Exception {
        rig.sealSample(BatchKind.USAGE);
        Instant at = rig.clock.instant().plus(Duration.ofMinutes(20));
        collector.then(FakeCollector.status(
                503, "", "Retry-After", DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC))));
        assertEquals(at, uploader.send(ALL, false).retryAt().orElseThrow());
    }

    @Test
    void unauthorizedKeepsEverythingStopsSendingAndNeedsReenrolmentAfterARestart() throws Exception {
        rig.sealSample(BatchKind.USAGE);
        rig.sealSample(BatchKind.HEALTH);
        collector.then(FakeCollector.problem(401, "invalid-token", "unknown or revoked token"));
        UploadRound r = uploader.send(ALL, false);
        assertEquals(UploadRound.Outcome.NEEDS_REENROLMENT, r.outcome());
        assertEquals(2, rig.outbox.all().size());
        rig.reopen();
        uploader = rig.uploader();
        assertTrue(rig.enrolment.needsReenrolment().orElseThrow().contains("invalid-token"));
        assertEquals(
                UploadRound.Outcome.NEEDS_REENROLMENT,
                uploader.send(ALL, true).outcome(),
                "not even upload --now sends with a refused token");
        assertEquals(1, collector.requestCount());
        rig.enrol(collector.url());
        assertEquals(2, uploader.send(ALL, false).sent(), "a new enrolment clears the mark");
    }

    @Test
    void forbiddenIsTreatedLikeUnauthorized() throws Exception {
        rig.sealSample(BatchKind.USAGE);
        collector.then(FakeCollector.problem(403, "device-mismatch", "token belongs to another device"));
        assertEquals(
                UploadRound.Outcome.NEEDS_REENROLMENT, uploader.send(ALL, false).outcome());
        assertEquals(1, rig.outbox.all().size());
    }

    @Test
    void tooLargeQuarantinesThatBatchAndTheRestGoOn() throws Exception {
        SealInfo bad = rig.sealSample(BatchKind.USAGE);
        rig.sealSample(BatchKind.USAGE);
        rig.sealSample(BatchKind.HEALTH);
        collector.then(FakeCollector.problem(413, "too-large", "body over 262144 bytes"));
        UploadRound r = uploader.send(ALL, false);
        assertEquals(UploadRound.Outcome.DONE, r.outcome());
        assertEquals(1, r.quarantined());
        assertEquals(2, r.sent());
        SealedBatch q = rig.outbox.quarantined().get(0);
        assertEquals(bad.batchId(), q.batchId());
        assertEquals(
                "HTTP 413 too-large: body over 262144 bytes",
                q.quarantineReason().orElseThrow());
        assertEquals(2, collector.stored().size());
        assertEquals(UploadRound.Outcome.DONE, uploader.send(ALL, true).outcome());
        assertEquals(3, collector.requestCount(), "a quarantined batch is never sent again");
    }

    @Test
    void badRequestAndUnprocessableAreQuarantinedWithGarbageReasonsMadeSafe() throws Exception {
        rig.sealSample(BatchKind.USAGE);
        rig.sealSample(BatchKind.USAGE);
        collector
                .then(FakeCollector.status(400, "\u0000\u0001garbage<html>"))
                .then(FakeCollector.problem(422, "invalid", "usage.hours[0].sessionMinutes must be 0-60"));
        UploadRound r = uploader.send(ALL, false);
        assertEquals(2, r.quarantined());
        List<String> reasons = rig.outbox.quarantined().stream()
                .map(b -> b.quarantineReason().orElseThrow())
                .toList();
        assertEquals("HTTP 400 ??garbage<html>", reasons.get(0));
        assertEquals("HTTP 422 invalid: usage.hours[0].sessionMinutes must be 0-60", reasons.get(1));
    }

    @Test
    void garbageBodyWithA2xxStillCountsAsDelivered() throws Exception {
        rig.sealSample(BatchKind.USAGE);
        collector.then((c, req, store) -> {
            store.run();
            return new MockResponse.Builder()
                    .code(200)
                    .body("}}not json at all{{")
                    .build();
        });
        assertEquals(1, uploader.send(ALL, false).sent());
        assertEquals(List.of(), rig.outbox.all());
        assertEquals(1, collector.stored().size());
    }

    @Test
    void anUnexpectedStatusIsRetriedNotDropped() throws Exception {
        rig.sealSample(BatchKind.USAGE);
        collector.then(FakeCollector.status(404, "no such path"));
        assertEquals(UploadRound.Outcome.RETRY_LATER, uploader.send(ALL, false).outcome());
        assertEquals(1, rig.outbox.all().size());
    }

    @Test
    void connectionResetWhileSendingTheBodyIsRetriedWithTheSameKey() throws Exception {
        SealInfo a = rig.sealSample(BatchKind.USAGE);
        collector.resetWhileReadingBodies();
        UploadRound r = uploader.send(ALL, false);
        collector.noReset();
        assertEquals(UploadRound.Outcome.RETRY_LATER, r.outcome());
        assertTrue(r.detail().startsWith("network:"), r.detail());
        rig.clock.set(r.retryAt().orElseThrow());
        assertEquals(1, uploader.send(ALL, false).sent());
        assertEquals(Set.of(a.batchId().toString()), collector.stored().keySet());
    }

    @Test
    void anAnswerLostAfterTheCollectorStoredTheBatchLeadsToOneStoredCopy() throws Exception {
        SealInfo a = rig.sealSample(BatchKind.USAGE);
        collector.then((c, req, store) -> {
            store.run();
            return new MockResponse.Builder()
                    .code(200)
                    .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                    .build();
        });
        UploadRound r = uploader.send(ALL, false);
        assertEquals(UploadRound.Outcome.RETRY_LATER, r.outcome(), "the agent never saw the 200");
        assertEquals(1, rig.outbox.all().size());
        rig.clock.set(r.retryAt().orElseThrow());
        assertEquals(1, uploader.send(ALL, false).sent());
        assertEquals(
                List.of(a.batchId().toString(), a.batchId().toString()),
                collector.keysSeen(),
                "delivered twice with the same key");
        assertEquals(1, collector.stored().size(), "stored once");
    }

    @Test
    void aCollectorTooSlowToAnswerIsATimeoutAndRetried() throws Exception {
        rig.sealSample(BatchKind.USAGE);
        collector.then((c, req, store) -> new MockResponse.Builder()
                .code(200)
                .headersDelay(4, TimeUnit.SECONDS)
                .build());
        UploadRound r = uploader.send(ALL, false);
        assertEquals(UploadRound.Outcome.RETRY_LATER, r.outcome());
        assertTrue(r.detail().toLowerCase().contains("timeout") || r.detail().contains("Interrupted"), r.detail());
        rig.clock.set(r.retryAt().orElseThrow());
        assertEquals(1, uploader.send(ALL, false).sent());
    }

    @Test
    void aSlowButTimelyAnswerIsFine() throws Exception {
        rig.sealSample(BatchKind.USAGE);
        collector.then((c, req, store) -> {
            store.run();
            return new MockResponse.Builder()
                    .code(200)
                    .body("{}")
                    .bodyDelay(300, TimeUnit.MILLISECONDS)
                    .throttleBody(4, 50, TimeUnit.MILLISECONDS)
                    .build();
        });
        assertEquals(1, uploader.send(ALL, false).sent());
    }

    @Test
    void theCollectorUnreachableIsANetworkErrorAndRetried() throws Exception {
        rig.sealSample(BatchKind.USAGE);
        collector.close();
        UploadRound r = uploader.send(ALL, false);
        assertEquals(UploadRound.Outcome.RETRY_LATER, r.outcome());
        assertEquals(1, rig.outbox.all().size());
        collector = new FakeCollector(rig.scan);
    }

    @Test
    void notEnrolledSendsNothing() throws Exception {
        rig.db.write(c -> c.createStatement().executeUpdate("DELETE FROM enrolment"));
        rig.sealSample(BatchKind.USAGE);
        assertEquals(UploadRound.Outcome.NOT_ENROLLED, uploader.send(ALL, true).outcome());
        assertEquals(0, collector.requestCount());
    }

    @Test
    void aRoundSendsAtMostTheBoundAndSaysMoreAreWaiting() throws Exception {
        for (int i = 0; i < 5; i++) {
            rig.sealSample(BatchKind.HEALTH);
        }
        Uploader small = new Uploader(
                rig.outbox,
                rig.enrolment,
                rig.db,
                CollectorHttp.client(rig.config),
                collector.url(),
                new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), rig.random),
                rig.clock,
                2);
        assertEquals(UploadRound.Outcome.MORE_WAITING, small.send(ALL, false).outcome());
        assertEquals(3, rig.outbox.all().size());
        Set<Long> seen = new HashSet<>();
        collector
                .stored()
                .values()
                .forEach(j -> seen.add(Long.parseLong(j.replaceAll(".*\"sequence\":(\\d+).*", "$1"))));
        assertEquals(Set.of(1L, 2L), seen, "oldest first");
        assertEquals(Optional.empty(), small.send(ALL, false).retryAt());
    }

    @Test
    void aClockSetBackDoesNotStrandTheUpload() throws Exception {
        rig.sealSample(BatchKind.USAGE);
        collector.then(FakeCollector.status(503, ""));
        Instant retryAt = uploader.send(ALL, false).retryAt().orElseThrow();
        rig.clock.set(rig.clock.instant().minus(Duration.ofDays(365 * 3))); // the BIOS battery died
        assertTrue(rig.clock.instant().isBefore(retryAt));
        assertEquals(1, uploader.send(ALL, false).sent());
    }
}
