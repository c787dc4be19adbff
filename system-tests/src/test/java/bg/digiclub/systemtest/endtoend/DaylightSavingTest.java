package bg.digiclub.systemtest.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.EndReason;
import bg.digiclub.common.link.Sex;
import bg.digiclub.common.link.TileCategory;
import bg.digiclub.systemtest.support.ClubPc;
import bg.digiclub.systemtest.support.ClubSetup;
import bg.digiclub.systemtest.support.ClubSimulation;
import bg.digiclub.systemtest.support.CollectorChecks;
import bg.digiclub.systemtest.support.Expected;
import bg.digiclub.systemtest.support.Visit;
import bg.digiclub.testsupport.TestClock;

/**
 * The nights the clocks change in Sofia (Sunday 29 March 2026 has 23 hours, Sunday 25 October
 * 2026 has 25): a PC left on around the clock and a session running through the changed hour and
 * one over midnight arrive exactly, every hour once.
 */
class DaylightSavingTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "Sunday {0}: {1} hours")
    @CsvSource({"2026-03-29, 23", "2026-10-25, 25"})
    void daysOfTwentyThreeAndTwentyFiveHoursArriveExactly(LocalDate sunday, int hours) throws Exception {
        LocalDate saturday = sunday.minusDays(1);
        try (ClubSetup setup = new ClubSetup("sqlite", dir, saturday, 1, Duration.ofSeconds(10))) {
            List<Visit> visits = new ArrayList<>();
            try (ClubSimulation club = setup.simulation()) {
                for (int i = 0; i < 3; i++) {
                    LocalDate day = saturday.plusDays(i);
                    List<Visit> today = new ArrayList<>();
                    if (i == 1) {
                        // from 02:50 for 150 minutes, through the hour that is skipped or repeated
                        today.add(
                                Visit.guest(0, day.atTime(2, 50), 150, AgeBand.AGE_18_24, Sex.MALE, EndReason.LOGOUT));
                    }
                    today.addAll(ClubSetup.thinned(day, i, 2, 1));
                    if (i == 1) {
                        // and over midnight into Monday, opening a learning tile before it (23:58) and a
                        // writing tile at 00:21, after the agents' first upload tick past midnight and
                        // its grace (00:15): both count on Sunday, the day it started
                        today.add(
                                Visit.guest(0, day.atTime(23, 35), 70, AgeBand.AGE_25_29, Sex.FEMALE, EndReason.TIMEOUT)
                                        .withTiles(TileCategory.LEARNING, TileCategory.WRITING));
                    }
                    visits.addAll(today);
                    club.day(day, LocalTime.of(0, 0), LocalTime.of(23, 55), today);
                }
                club.nightAfter(saturday.plusDays(2), LocalTime.of(6, 0));
            }
            ClubPc pc = setup.pcs.get(0);
            assertEquals(0, pc.waiting(), "everything delivered");
            assertEquals(0, pc.upload().status().outbox().quarantined(), "no batch refused");
            Expected expected = new Expected(visits, TestClock.SOFIA);
            CollectorChecks.assertHours(
                    setup.collector,
                    "sz-rodina-1860",
                    expected,
                    Map.of(pc.credentials().orElseThrow().deviceId().toString(), 0));
            CollectorChecks.assertEverySealedBatchStored(setup.collector, pc);
            // samples every 5 minutes from Sunday 00:00 to 23:55 local, each vouching for the 5 minutes
            // before it, the first of which covers Saturday's last 5 minutes; the next
            // sample after 23:55 is Monday 00:25 (the simulation samples Monday from when Sunday's last
            // session ended). So the day's hours less 5 minutes.
            assertEquals(
                    hours * 60 - 5,
                    setup.collector.number("SELECT uptime_minutes FROM health_days WHERE day = ?", sunday.toEpochDay()),
                    "the PC was on for (almost) all " + hours + " hours of Sunday");
        }
    }
}
