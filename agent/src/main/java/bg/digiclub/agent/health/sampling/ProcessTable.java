package bg.digiclub.agent.health.sampling;

import java.util.List;
import java.util.Objects;

/**
 * Lists the PC's processes with what the top lists need. Listing processes is the costliest part
 * of a sample, so each platform reads them its cheapest way: {@code /proc} directly on Linux, OSHI
 * elsewhere ({@code oshi.PlatformReaders} picks).
 */
public interface ProcessTable {
    /**
     * A process's CPU times at one reading.
     *
     * @param startedMillis when the process started, in the process table's own time base (it only
     *                      tells a re-used pid from the process that had it before)
     * @param upTimeMillis  how long the process had been running
     * @param busyMillis    user plus kernel CPU time it had used
     */
    record CpuTimes(long startedMillis, long upTimeMillis, long busyMillis) {}

    /** One process at one reading; its name stays on the PC. */
    record ProcessReading(int pid, String name, CpuTimes cpu, long residentBytes) {
        public ProcessReading {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(cpu, "cpu");
        }
    }

    /** All processes now; processes that end while being read are left out. */
    List<ProcessReading> read();
}
