package bg.digiclub.agent.health.sampling;

import java.util.List;
import java.util.Objects;

import bg.digiclub.agent.health.sampling.ProcessRanking.CpuTimes;

/**
 * Lists the PC's processes with what the top lists need. Listing processes is the costliest part
 * of a sample, so each platform reads them its cheapest way (see {@link PlatformReaders}).
 */
interface ProcessTable {

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
