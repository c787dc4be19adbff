package bg.digiclub.agent.health.sampling.oshi;

import java.util.ArrayList;
import java.util.List;

import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

import bg.digiclub.agent.health.sampling.ProcessTable;
import bg.digiclub.agent.health.sampling.ProcessTable.CpuTimes;

/** Processes as OSHI lists them: on Windows and macOS, where OSHI reads them in bulk. */
final class OshiProcessTable implements ProcessTable {
    private final OperatingSystem os;

    OshiProcessTable(OperatingSystem os) {
        this.os = os;
    }

    @Override
    public List<ProcessReading> read() {
        List<OSProcess> all = os.getProcesses();
        List<ProcessReading> readings = new ArrayList<>(all.size());
        for (OSProcess p : all) {
            readings.add(new ProcessReading(
                    p.getProcessID(),
                    p.getName(),
                    new CpuTimes(p.getStartTime(), p.getUpTime(), p.getUserTime() + p.getKernelTime()),
                    p.getResidentMemory()));
        }
        return readings;
    }
}
