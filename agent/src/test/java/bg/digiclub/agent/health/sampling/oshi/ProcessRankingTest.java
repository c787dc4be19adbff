package bg.digiclub.agent.health.sampling.oshi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import bg.digiclub.agent.health.HealthSample.ProcessUsage;
import bg.digiclub.agent.health.sampling.ProcessTable.CpuTimes;

class ProcessRankingTest {

    @Test
    void recentCpuIsBusyTimeOverElapsedTimeShareOfAllCores() {
        CpuTimes before = new CpuTimes(5_000, 100_000, 20_000);
        CpuTimes now = new CpuTimes(5_000, 130_000, 50_000); // one core fully busy for 30 s
        assertEquals(25.0, ProcessRanking.recentCpuPercent(before, now, 4).getAsDouble(), 1e-9);
    }

    @Test
    void reusedPidOrNoEarlierReadingGivesNoRecentCpu() {
        CpuTimes old = new CpuTimes(1_000, 500_000, 9_000);
        CpuTimes reusedYounger = new CpuTimes(600_000, 2_000, 1_000);
        CpuTimes reusedButOlderThanTheLastReading = new CpuTimes(480_000, 521_000, 9_500);
        assertTrue(ProcessRanking.recentCpuPercent(old, reusedYounger, 2).isEmpty());
        assertTrue(ProcessRanking.recentCpuPercent(old, reusedButOlderThanTheLastReading, 2)
                .isEmpty());
        CpuTimes reused = reusedYounger;
        assertTrue(ProcessRanking.recentCpuPercent(null, reused, 2).isEmpty());
    }

    @Test
    void lifetimeCpuIsClampedAndSafeForBrandNewProcesses() {
        assertEquals(50.0, ProcessRanking.lifetimeCpuPercent(new CpuTimes(0, 10_000, 10_000), 2), 1e-9);
        assertEquals(0.0, ProcessRanking.lifetimeCpuPercent(new CpuTimes(0, 0, 0), 2));
        assertEquals(100.0, ProcessRanking.lifetimeCpuPercent(new CpuTimes(0, 1_000, 1_030), 1));
    }

    @Test
    void topListsAreOrderedAndCut() {
        List<ProcessUsage> all = List.of(
                new ProcessUsage(10, "chromium", 30.0, 900_000_000),
                new ProcessUsage(11, "kiosk", 2.0, 300_000_000),
                new ProcessUsage(12, "agent", 0.5, 60_000_000),
                new ProcessUsage(13, "libreoffice", 30.0, 500_000_000));
        assertEquals(
                List.of(10, 13),
                ProcessRanking.topByCpu(all, 2).stream().map(ProcessUsage::pid).toList());
        assertEquals(
                List.of(10, 13, 11),
                ProcessRanking.topByMemory(all, 3).stream()
                        .map(ProcessUsage::pid)
                        .toList());
    }
}
