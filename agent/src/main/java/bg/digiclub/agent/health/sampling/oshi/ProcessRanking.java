package bg.digiclub.agent.health.sampling.oshi;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

import bg.digiclub.agent.health.HealthSample.ProcessUsage;
import bg.digiclub.agent.health.sampling.ProcessTable.CpuTimes;

/**
 * Ranks processes for the top lists and works out a process's recent CPU use from two readings of
 * its CPU times, the way Task Manager shows it: a share of the whole PC (all cores), 0–100 %.
 */
final class ProcessRanking {

    /** Start times of one process read twice may differ by rounding, never by this much. */
    private static final long SAME_START_TOLERANCE_MILLIS = 1000;

    private ProcessRanking() {}

    /**
     * CPU use between two readings of the same process, in percent of the whole PC. Empty when there
     * is no earlier reading or it is of another process that had the same pid (another start time).
     */
    static OptionalDouble recentCpuPercent(CpuTimes before, CpuTimes now, int logicalProcessors) {
        if (before == null
                || logicalProcessors <= 0
                || Math.abs(now.startedMillis() - before.startedMillis()) > SAME_START_TOLERANCE_MILLIS) {
            return OptionalDouble.empty();
        }
        long wall = now.upTimeMillis() - before.upTimeMillis();
        long busy = now.busyMillis() - before.busyMillis();
        if (wall <= 0 || busy < 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(clampPercent(100.0 * busy / wall / logicalProcessors));
    }

    /**
     * CPU use over the process's whole life, in percent of the whole PC: the best that can be said
     * of a process seen for the first time.
     */
    static double lifetimeCpuPercent(CpuTimes now, int logicalProcessors) {
        if (now.upTimeMillis() <= 0 || logicalProcessors <= 0) {
            return 0.0;
        }
        return clampPercent(100.0 * now.busyMillis() / now.upTimeMillis() / logicalProcessors);
    }

    /** The {@code n} processes using most CPU, ties broken by pid so the order is stable. */
    static List<ProcessUsage> topByCpu(Collection<ProcessUsage> processes, int n) {
        return processes.stream()
                .sorted(Comparator.comparingDouble(ProcessUsage::cpuPercent)
                        .reversed()
                        .thenComparingInt(ProcessUsage::pid))
                .limit(n)
                .toList();
    }

    /** The {@code n} processes holding most resident memory, ties broken by pid. */
    static List<ProcessUsage> topByMemory(Collection<ProcessUsage> processes, int n) {
        return processes.stream()
                .sorted(Comparator.comparingLong(ProcessUsage::residentBytes)
                        .reversed()
                        .thenComparingInt(ProcessUsage::pid))
                .limit(n)
                .toList();
    }

    private static double clampPercent(double pct) {
        // Tick rounding can put a busy process a little above 100 % of the PC.
        return Math.max(0.0, Math.min(100.0, pct));
    }
}
