package bg.digiclub.systemtest.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.systemtest.support.ClubPc;
import bg.digiclub.systemtest.support.ClubPrivacy;
import bg.digiclub.systemtest.support.ClubSetup;
import bg.digiclub.systemtest.support.ClubSimulation;
import bg.digiclub.systemtest.support.CollectorChecks;
import bg.digiclub.systemtest.support.DashboardClient;
import bg.digiclub.systemtest.support.Expected;
import bg.digiclub.systemtest.support.RodinaMonday;
import bg.digiclub.systemtest.support.Visit;
import bg.digiclub.testsupport.PrivacyScan;
import bg.digiclub.testsupport.TestClock;

/**
 * The municipality's server is down for a month (the reverse proxy in front of it answers 502)
 * while the club keeps working; when it is back, everything arrives, once.
 */
class CollectorOutageTest {
    private static final int DAYS = 30;

    @TempDir
    Path dir;

    @Test
    void aMonthWithoutTheCollectorArrivesWholeAndOnceWhenItIsBack() throws Exception {
        LocalDate first = RodinaMonday.DAY;
        try (ClubSetup setup = new ClubSetup("sqlite", dir, first, 2, Duration.ofSeconds(10))) {
            String password = setup.collector.addUser("obshtina", "MUNICIPALITY", null);
            setup.collector.stop();
            List<Visit> visits = new ArrayList<>();
            try (ClubSimulation club = setup.simulation()) {
                for (int i = 0; i < DAYS; i++) {
                    LocalDate day = first.plusDays(i);
                    List<Visit> today = ClubSetup.thinned(day, i, 3, 2);
                    visits.addAll(today);
                    club.day(day, LocalTime.of(10, 0), LocalTime.of(17, 0), today);
                }
                club.nightAfter(first.plusDays(DAYS - 1), LocalTime.of(6, 0));
                for (ClubPc pc : setup.pcs) {
                    assertTrue(pc.waiting() >= DAYS, "a month of batches waits on the PC: " + pc.waiting());
                }
                assertTrue(setup.network.uploads().size() > 20, "the PCs kept trying while the collector was down");

                setup.collector.start();
                // bounded: the agents' backoff is at most 6 hours; a day of 15-minute ticks is plenty
                LocalDate back = first.plusDays(DAYS);
                club.tickUntil(
                        back.atTime(6, 0).plusHours(24).atZone(TestClock.SOFIA).toInstant());
            }
            for (ClubPc pc : setup.pcs) {
                assertEquals(0, pc.waiting(), "the outbox drained once the collector was back");
            }
            Expected expected = new Expected(visits, TestClock.SOFIA);
            List<String> ids = CollectorChecks.ids(setup.pcArray());
            CollectorChecks.assertHours(
                    setup.collector, RodinaMonday.CLUB, expected, Map.of(ids.get(0), 0, ids.get(1), 1));

            // usage batches never expire in a month: every one arrived; health older than 30 days may
            // have been evicted by the outbox's bound, and then it is counted as evicted, not lost silently
            Map<String, Set<String>> sealed = CollectorChecks.sealedBatches(setup.pcArray());
            Map<String, Set<String>> stored = CollectorChecks.storedBatches(setup.collector);
            assertEquals(sealed.get("USAGE"), stored.get("USAGE"), "every usage day, once");
            assertEquals(2 * (DAYS + 1), stored.get("USAGE").size(), "one usage batch per PC and day since enrolment");
            Set<String> missingHealth = new HashSet<>(sealed.get("HEALTH"));
            missingHealth.removeAll(stored.get("HEALTH"));
            assertTrue(sealed.get("HEALTH").containsAll(stored.get("HEALTH")), "nothing stored that was not sealed");
            assertEquals(
                    missingHealth.size(),
                    setup.collector.number("SELECT SUM(evicted_health) FROM devices"),
                    "every health batch not delivered was reported as evicted");
            assertEquals(0, setup.collector.number("SELECT SUM(evicted_usage) FROM devices"));

            DashboardClient municipality = DashboardClient.signIn(setup.collector.url(), "obshtina", password);
            Map<String, String> row = municipality
                    .csv(RodinaMonday.CLUB, first, first.plusDays(DAYS - 1))
                    .get(0);
            assertEquals(Long.toString(expected.sessions), row.get("sessions"));
            assertEquals(Expected.hours(expected.minutes), row.get("session_hours"));
            assertEquals(Long.toString(expected.guests), row.get("guest_sessions"));
            assertEquals(Long.toString(expected.members), row.get("member_sessions"));
            assertEquals(Long.toString(expected.memberDays), row.get("member_days"));

            PrivacyScan scan = ClubPrivacy.scan(
                    visits,
                    TestClock.SOFIA,
                    setup.pcs.stream().map(ClubPc::database).toList());
            ClubPrivacy.assertClean(scan, setup.network.captured());
        }
    }
}
