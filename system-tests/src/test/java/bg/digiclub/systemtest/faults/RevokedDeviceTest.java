package bg.digiclub.systemtest.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.systemtest.support.ClubPc;
import bg.digiclub.systemtest.support.ClubSetup;
import bg.digiclub.systemtest.support.ClubSimulation;
import bg.digiclub.systemtest.support.CollectorChecks;
import bg.digiclub.systemtest.support.Expected;
import bg.digiclub.systemtest.support.RodinaMonday;
import bg.digiclub.systemtest.support.Visit;
import bg.digiclub.testsupport.TestClock;

/**
 * The municipality revokes a PC's token ({@code device revoke}); the agent keeps everything,
 * says it needs re-enrolment, and after staff enrol it again with a new code it keeps its device
 * id and delivers what waited, once.
 */
class RevokedDeviceTest {
    @TempDir
    Path dir;

    @Test
    void aRevokedPcKeepsItsDataAndDeliversItAfterReEnrolment() throws Exception {
        LocalDate first = RodinaMonday.DAY;
        try (ClubSetup setup = new ClubSetup("sqlite", dir, first, 1, Duration.ofSeconds(10))) {
            ClubPc pc = setup.pcs.get(0);
            UUID device = pc.credentials().orElseThrow().deviceId();
            List<Visit> visits = new ArrayList<>();
            try (ClubSimulation club = setup.simulation()) {
                List<Visit> monday = ClubSetup.thinned(first, 0, 2, 1);
                visits.addAll(monday);
                club.day(first, RodinaMonday.OPEN, RodinaMonday.CLOSE, monday);
                club.nightAfter(first, LocalTime.of(6, 0));
                assertEquals(0, pc.waiting(), "Monday delivered");

                setup.collector.cli("device", "revoke", "--device", device.toString());
                LocalDate tuesday = first.plusDays(1);
                List<Visit> today = ClubSetup.thinned(tuesday, 1, 2, 1);
                visits.addAll(today);
                club.day(tuesday, RodinaMonday.OPEN, RodinaMonday.CLOSE, today);
                club.nightAfter(tuesday, LocalTime.of(6, 0));
                assertTrue(pc.upload().status().needsReenrolment().isPresent(), "the agent says it needs re-enrolment");
                assertTrue(pc.waiting() >= 1, "Tuesday waits on the PC");

                assertEquals(
                        device,
                        pc.enrol(setup.collector.newEnrolmentCode(RodinaMonday.CLUB))
                                .deviceId(),
                        "re-enrolled as the same device");
                assertTrue(pc.upload().status().needsReenrolment().isEmpty());
                club.tickUntil(
                        first.plusDays(3).atTime(6, 0).atZone(TestClock.SOFIA).toInstant());
            }
            assertEquals(0, pc.waiting(), "everything delivered after re-enrolment");
            assertEquals(0, pc.upload().status().outbox().quarantined());
            Expected expected = new Expected(visits, TestClock.SOFIA);
            CollectorChecks.assertHours(setup.collector, RodinaMonday.CLUB, expected, Map.of(device.toString(), 0));
            CollectorChecks.assertEverySealedBatchStored(setup.collector, pc);
            assertEquals(1, setup.collector.number("SELECT COUNT(*) FROM devices"), "still one PC, not two");
        }
    }
}
