package bg.digiclub.systemtest.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
 * The agent is killed (SIGKILL, a real process) while the collector has stored a batch but the
 * answer has not reached the agent; a new agent on the same data directory finishes the upload.
 * Nothing is lost, nothing is stored twice.
 */
class KilledAgentTest {
    private static final int DAYS = 4;

    @TempDir
    Path dir;

    @Test
    void anAgentKilledMidUploadLosesNothingAndDuplicatesNothing() throws Exception {
        LocalDate first = RodinaMonday.DAY;
        try (ClubSetup setup = new ClubSetup("sqlite", dir, first, 1, Duration.ofSeconds(10))) {
            FaultProxy network = setup.network;
            ClubPc pc = setup.pcs.get(0);
            // the line is down for four days: the batches wait in the outbox
            network.otherwise(Fault.BAD_GATEWAY_HTML);
            List<Visit> visits = new ArrayList<>();
            try (ClubSimulation club = setup.simulation()) {
                for (int i = 0; i < DAYS; i++) {
                    LocalDate day = first.plusDays(i);
                    List<Visit> today = ClubSetup.thinned(day, i, 2, 1);
                    visits.addAll(today);
                    club.day(day, RodinaMonday.OPEN, RodinaMonday.CLOSE, today);
                }
                club.nightAfter(first.plusDays(DAYS - 1), LocalTime.of(6, 0));
            }
            int waiting = pc.waiting();
            assertTrue(waiting >= 2 * DAYS, "usage and health of every day wait: " + waiting);
            pc.close();

            // the agent process starts and uploads; the third batch is stored, its answer held back
            int uploadsBefore = network.uploads().size();
            network.then(Fault.PASS, Fault.PASS, Fault.STORED_THEN_HOLD);
            network.otherwise(Fault.PASS);
            Process agent = start(pc.dataDir, network, setup.clock, dir.resolve("agent-1.log"));
            assertTrue(network.awaitHeld(120), "the agent reached the third batch: " + log(dir.resolve("agent-1.log")));
            agent.toHandle().destroyForcibly();
            assertTrue(agent.waitFor(60, TimeUnit.SECONDS), "the agent died");
            assertEquals(137, agent.exitValue(), "killed by SIGKILL, not exited");
            network.releaseHeld();
            long storedAtKill = setup.collector.number("SELECT COUNT(*) FROM batches");
            assertEquals(3, storedAtKill, "three batches stored before the kill");

            // a new agent on the same data directory finishes
            Process again = start(pc.dataDir, network, setup.clock, dir.resolve("agent-2.log"));
            assertTrue(again.waitFor(120, TimeUnit.SECONDS), "the new agent finished");
            assertEquals(0, again.exitValue(), log(dir.resolve("agent-2.log")));

            ClubPc reopened = new ClubPc(pc.dataDir, setup.clock, network.url(), Duration.ofSeconds(10));
            setup.pcs.set(0, reopened);
            assertEquals(0, reopened.waiting(), "the outbox is empty");
            assertEquals("ok", reopened.database().integrityCheck());
            Expected expected = new Expected(visits, TestClock.SOFIA);
            String id = reopened.credentials().orElseThrow().deviceId().toString();
            CollectorChecks.assertHours(setup.collector, RodinaMonday.CLUB, expected, Map.of(id, 0));
            CollectorChecks.assertEverySealedBatchStored(setup.collector, reopened);

            // the batch held at the kill was delivered twice and stored once
            Map<String, Integer> deliveries = new HashMap<>();
            List<FaultProxy.Captured> uploads = network.uploads();
            for (FaultProxy.Captured upload : uploads.subList(uploadsBefore, uploads.size())) {
                deliveries.merge(upload.header("Idempotency-Key"), 1, Integer::sum);
            }
            assertEquals(waiting, deliveries.size(), "every waiting batch was sent by the two agents");
            assertEquals(
                    waiting + 1, uploads.size() - uploadsBefore, "one batch twice, the others once: " + deliveries);
            assertEquals(
                    2,
                    deliveries.get(uploads.get(uploadsBefore + 2).header("Idempotency-Key")),
                    "the batch in flight at the kill was sent again after the restart");

            PrivacyScan scan = ClubPrivacy.scan(visits, TestClock.SOFIA, List.of(reopened.database()));
            ClubPrivacy.assertClean(scan, network.captured());
        }
    }

    private static Process start(Path dataDir, FaultProxy network, TestClock clock, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        UploadingAgent.class.getName(),
                        dataDir.toString(),
                        network.url().toString(),
                        clock.instant().toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static String log(Path file) throws Exception {
        return Files.exists(file) ? Files.readString(file) : "(no log)";
    }
}
