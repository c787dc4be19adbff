package bg.digiclub.systemtest.faults;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
 * A village PC boots with its clock a month ahead (a flat CMOS battery, a wrong BIOS date) and runs
 * so for an hour until the time is corrected; the sessions of the real day that follows must
 * still reach the collector ("nothing is lost").
 */
class ClockJumpTest {
    @TempDir
    Path dir;

    @Test
    void aClockThatRanAheadForAnHourLosesNoRealDay() throws Exception {
        LocalDate monday = RodinaMonday.DAY;
        LocalDate tuesday = monday.plusDays(1);
        try (ClubSetup setup = new ClubSetup("sqlite", dir, monday, 1, Duration.ofSeconds(10))) {
            ClubPc pc = setup.pcs.get(0);
            String device = pc.credentials().orElseThrow().deviceId().toString();
            List<Visit> visits = new ArrayList<>(guests(monday, 0));
            try (ClubSimulation club = setup.simulation()) {
                club.day(monday, RodinaMonday.OPEN, RodinaMonday.CLOSE, visits);
                club.nightAfter(monday, LocalTime.of(6, 0));
            }
            pc.close();

            // Tuesday 07:00: the PC boots believing it is 3 December
            setup.clock.set(tuesday.atTime(7, 0).atZone(TestClock.SOFIA).toInstant());
            ClubPc wrong = new ClubPc(
                    pc.dataDir,
                    Clock.offset(setup.clock, Duration.ofDays(30)),
                    setup.network.url(),
                    Duration.ofSeconds(10));
            setup.pcs.set(0, wrong);
            for (int minute = 0; minute < 60; minute++) {
                setup.clock.advance(Duration.ofMinutes(1));
                if (minute % 5 == 0) {
                    wrong.sample();
                }
                wrong.upload().tick();
            }
            wrong.close();

            // 08:00: the time is corrected and the agent restarts; Tuesday is an ordinary day
            ClubPc right = new ClubPc(pc.dataDir, setup.clock, setup.network.url(), Duration.ofSeconds(10));
            setup.pcs.set(0, right);
            List<Visit> tuesdayVisits = guests(tuesday, 1);
            visits.addAll(tuesdayVisits);
            try (ClubSimulation club = new ClubSimulation(setup.clock, List.of(right))) {
                club.day(tuesday, LocalTime.of(8, 30), RodinaMonday.CLOSE, tuesdayVisits);
                club.nightAfter(tuesday, LocalTime.of(6, 0));
                club.tickUntil(
                        tuesday.plusDays(2).atTime(6, 0).atZone(TestClock.SOFIA).toInstant());
            }
            CollectorChecks.assertHours(
                    setup.collector, RodinaMonday.CLUB, new Expected(visits, TestClock.SOFIA), Map.of(device, 0));
        }
    }

    private static List<Visit> guests(LocalDate day, int index) {
        return ClubSetup.thinned(day, index, 2, 1).stream()
                .filter(v -> !v.isMember())
                .toList();
    }
}
