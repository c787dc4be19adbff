package bg.digiclub.agent.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.agent.store.Database;
import bg.digiclub.common.batch.BatchKind;
import bg.digiclub.testsupport.TestClock;

/**
 * The agent killed (SIGKILL, a real child process) while the collector is answering: the batch
 * the collector stored but whose answer the agent never read is sent again after the restart,
 * and the collector still has every batch exactly once.
 */
class KilledMidUploadTest {
    @TempDir
    Path dir;

    @Test
    void anAgentKilledMidUploadSendsTheBatchAgainAndTheCollectorHasEachOnce() throws Exception {
        ScanningPrivacyGuard scan = ScanningPrivacyGuard.none();
        List<String> sealed = new ArrayList<>();
        try (FakeCollector collector = new FakeCollector(scan)) {
            try (UploadRig rig = new UploadRig(dir, TestClock.sofia("2026-11-24T10:00:00Z"), scan, collector.url())) {
                rig.enrol(collector.url());
                for (int i = 0; i < 6; i++) {
                    sealed.add(rig.sealSample(i % 2 == 0 ? BatchKind.USAGE : BatchKind.HEALTH)
                            .batchId()
                            .toString());
                }
            }
            CountDownLatch thirdStored = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            collector.then(FakeCollector.normal()).then(FakeCollector.normal());
            collector.then((c, req, store) -> {
                store.run();
                thirdStored.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS); // hold the answer until the agent is dead
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new MockResponse.Builder().code(200).body("{}").build();
            });
            Path db = dir.resolve(Database.FILE_NAME);
            Process child = start(db, collector, dir.resolve("child-1.log"));
            assertTrue(
                    thirdStored.await(60, TimeUnit.SECONDS),
                    "the child reached the third batch: " + java.nio.file.Files.readString(dir.resolve("child-1.log")));
            child.destroyForcibly(); // SIGKILL
            child.waitFor(30, TimeUnit.SECONDS);
            release.countDown();
            assertEquals(137, child.exitValue(), "killed, not exited");

            Process again = start(db, collector, dir.resolve("child-2.log"));
            assertTrue(again.waitFor(60, TimeUnit.SECONDS), "the restarted agent finished");
            assertEquals(0, again.exitValue(), java.nio.file.Files.readString(dir.resolve("child-2.log")));

            assertEquals(new HashSet<>(sealed), collector.stored().keySet(), "every batch at the collector");
            List<String> seen = collector.keysSeen();
            Set<String> distinct = new HashSet<>(seen);
            assertEquals(sealed.size(), distinct.size());
            assertTrue(seen.size() > distinct.size(), "the batch in flight at the kill was sent twice: " + seen);
            try (Database reopened = Database.open(db)) {
                assertEquals("ok", reopened.integrityCheck());
                assertEquals(
                        0,
                        new Outbox(reopened, OutboxLimits.DEFAULT, scan, java.time.Clock.systemUTC())
                                .all()
                                .size());
            }
            assertEquals(List.of(), collector.violations());
        }
    }

    private static Process start(Path db, FakeCollector collector, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        UploadChild.class.getName(),
                        db.toString(),
                        collector.url().toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }
}
