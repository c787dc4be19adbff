package bg.digiclub.agent.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.common.batch.BatchKind;
import bg.digiclub.testsupport.TestClock;

class OutboxTest {
    @TempDir
    Path dir;

    UploadRig rig;

    @BeforeEach
    void setUp() throws Exception {
        rig = new UploadRig(
                dir,
                TestClock.sofia("2026-11-24T10:00:00Z"),
                ScanningPrivacyGuard.none(),
                URI.create("http://localhost:1"));
    }

    @AfterEach
    void tearDown() throws Exception {
        rig.close();
    }

    @Test
    void sealedBatchesGetIncreasingSequenceAndAreStoredGzipped() throws Exception {
        SealInfo a = rig.sealSample(BatchKind.USAGE);
        SealInfo b = rig.sealSample(BatchKind.HEALTH);
        assertEquals(1, a.sequence());
        assertEquals(2, b.sequence());
        List<SealedBatch> all = rig.outbox.all();
        assertEquals(2, all.size());
        assertEquals(a.batchId(), all.get(0).batchId());
        assertEquals(0x1f, all.get(0).payloadGzip()[0] & 0xff, "gzip magic");
        assertTrue(all.get(0).json().contains(a.batchId().toString()));
        assertEquals(2, rig.scan.scanned(), "every sealed payload went through the privacy scan");
    }

    @Test
    void sealedBatchesSurviveARestartAndKeepTheirIdAndBytes() throws Exception {
        SealInfo a = rig.sealSample(BatchKind.USAGE);
        byte[] before = rig.outbox.all().get(0).payloadGzip();
        rig.reopen();
        SealedBatch after = rig.outbox.all().get(0);
        assertEquals(a.batchId(), after.batchId());
        assertEquals(
                new String(before, StandardCharsets.ISO_8859_1),
                new String(after.payloadGzip(), StandardCharsets.ISO_8859_1));
        assertEquals(2, rig.sealSample(BatchKind.USAGE).sequence(), "the sequence goes on after a restart");
    }

    @Test
    void aPayloadTheGuardRefusesIsNotSealedAndUsesNoSequenceNumber() throws Exception {
        PrivacyViolation e = assertThrows(
                PrivacyViolation.class,
                () -> rig.outbox.seal(
                        BatchKind.USAGE,
                        info -> "{\"kind\":\"USAGE\",\"from\":\"10.0.0.17\"}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("IPv4"), e.getMessage());
        assertEquals(List.of(), rig.outbox.all());
        assertEquals(1, rig.sealSample(BatchKind.USAGE).sequence());
    }

    @Test
    void aBatchOverTheSizeLimitIsRefused() throws Exception {
        rig.withLimits(new OutboxLimits(Duration.ofDays(30), Duration.ofDays(400), 1 << 20, 1024));
        java.util.Random r = new java.util.Random(1);
        StringBuilder big = new StringBuilder("{\"kind\":\"USAGE\",\"x\":\"");
        for (int i = 0; i < 4000; i++) {
            big.append((char) ('a' + r.nextInt(26)));
        }
        big.append("\"}");
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> rig.outbox.seal(BatchKind.USAGE, info -> big.toString().getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("upload.max-batch-bytes"), e.getMessage());
        assertEquals(List.of(), rig.outbox.all());
    }

    @Test
    void overTheSizeBoundTheOldestHealthGoesFirst() throws Exception {
        rig.sealSample(BatchKind.USAGE);
        int size = rig.outbox.all().get(0).payloadGzip().length;
        // room for 4 batches of about this size
        rig.withLimits(new OutboxLimits(Duration.ofDays(30), Duration.ofDays(400), 4L * size + size / 2, size + 64));
        rig.sealSample(BatchKind.HEALTH);
        rig.sealSample(BatchKind.USAGE);
        rig.sealSample(BatchKind.HEALTH);
        rig.sealSample(BatchKind.USAGE);
        assertEquals(
                List.of(1L, 3L, 4L, 5L),
                rig.outbox.all().stream().map(SealedBatch::sequence).toList(),
                "the oldest HEALTH batch (#2) went, all usage kept");
        assertEquals(Map.of(BatchKind.HEALTH, 1L), rig.outbox.stats().evictedUnreported());
        SealInfo sixth = rig.sealSample(BatchKind.USAGE);
        assertEquals(1, sixth.evicted(BatchKind.HEALTH), "the eviction is reported in the next sealed batch");
    }

    @Test
    void everyEvictionIsReportedByABatchStillInTheOutboxOrStillPending() throws Exception {
        rig.sealSample(BatchKind.USAGE);
        int size = rig.outbox.all().get(0).payloadGzip().length;
        rig.withLimits(new OutboxLimits(Duration.ofDays(30), Duration.ofDays(400), 4L * size + size / 2, size + 64));
        int sealed = 1;
        for (int i = 0; i < 20; i++) {
            rig.sealSample(i % 3 == 0 ? BatchKind.USAGE : BatchKind.HEALTH);
            sealed++;
        }
        List<SealedBatch> left = rig.outbox.all();
        long reportedByLeft = 0;
        for (SealedBatch b : left) {
            var evicted = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(b.json())
                    .path("evicted");
            reportedByLeft += evicted.path("usageBatches").asLong()
                    + evicted.path("healthBatches").asLong();
        }
        long pending = rig.outbox.stats().evictedUnreported().values().stream()
                .mapToLong(Long::longValue)
                .sum();
        assertEquals(
                sealed,
                left.size() + reportedByLeft + pending,
                "each sealed batch is either still here or counted exactly once as evicted");
        assertTrue(
                left.stream().filter(b -> b.kind() == BatchKind.HEALTH).count() <= 1,
                "health is evicted before usage: " + left);
    }

    @Test
    void batchesOlderThanTheirKindsMaxAgeAreEvicted() throws Exception {
        rig.withLimits(new OutboxLimits(Duration.ofDays(7), Duration.ofDays(30), 1 << 20, 4096));
        rig.sealSample(BatchKind.HEALTH);
        rig.sealSample(BatchKind.USAGE);
        rig.clock.advance(Duration.ofDays(8));
        assertEquals(Map.of(BatchKind.HEALTH, 1), rig.outbox.enforceLimits());
        rig.clock.advance(Duration.ofDays(23));
        assertEquals(Map.of(BatchKind.USAGE, 1), rig.outbox.enforceLimits());
        SealInfo next = rig.sealSample(BatchKind.HEALTH);
        assertEquals(1, next.evicted(BatchKind.HEALTH));
        assertEquals(1, next.evicted(BatchKind.USAGE));
    }

    @Test
    void anEvictedBatchHandsBackTheEvictionsItWasCarrying() throws Exception {
        rig.withLimits(new OutboxLimits(Duration.ofDays(7), Duration.ofDays(30), 1 << 20, 4096));
        rig.sealSample(BatchKind.HEALTH); // #1
        rig.clock.advance(Duration.ofDays(8));
        SealInfo carrier = rig.sealSample(BatchKind.HEALTH); // #2 reports #1's eviction
        assertEquals(1, carrier.evicted(BatchKind.HEALTH));
        rig.clock.advance(Duration.ofDays(8));
        SealInfo next = rig.sealSample(BatchKind.USAGE); // #2 evicted: its own eviction + the one it carried
        assertEquals(2, next.evicted(BatchKind.HEALTH));
    }

    @Test
    void quarantinedBatchesAreNotSendableButKept() throws Exception {
        SealInfo a = rig.sealSample(BatchKind.USAGE);
        rig.sealSample(BatchKind.USAGE);
        rig.outbox.quarantine(a.batchId(), "HTTP 422 invalid: sessionMinutes");
        assertEquals(
                1,
                rig.outbox
                        .sendable(EnumSet.allOf(BatchKind.class), rig.clock.instant(), 10)
                        .size());
        assertEquals(
                "HTTP 422 invalid: sessionMinutes",
                rig.outbox.quarantined().get(0).quarantineReason().orElseThrow());
        assertEquals(1, rig.outbox.stats().quarantined());
    }

    @Test
    void aQuarantinedBatchHandsBackTheEvictionsItWasCarrying() throws Exception {
        rig.withLimits(new OutboxLimits(Duration.ofDays(7), Duration.ofDays(30), 1 << 20, 4096));
        rig.sealSample(BatchKind.HEALTH);
        rig.clock.advance(Duration.ofDays(8));
        SealInfo carrier = rig.sealSample(BatchKind.USAGE);
        assertEquals(1, carrier.evicted(BatchKind.HEALTH));
        rig.outbox.quarantine(carrier.batchId(), "HTTP 422 invalid");
        assertEquals(1, rig.sealSample(BatchKind.USAGE).evicted(BatchKind.HEALTH), "reported again by the next batch");
    }
}
