package bg.digiclub.agent.health.sampling.oshi;

import oshi.hardware.CentralProcessor;
import oshi.hardware.CentralProcessor.TickType;
import oshi.hardware.GlobalMemory;
import oshi.hardware.VirtualMemory;
import oshi.software.os.OperatingSystem;

import bg.digiclub.agent.health.sampling.SystemCounters;

/** CPU time, memory and uptime through OSHI: the way on every platform without {@code /proc}. */
final class OshiSystemCounters implements SystemCounters {
    private final CentralProcessor processor;
    private final GlobalMemory memory;
    private final OperatingSystem os;

    OshiSystemCounters(CentralProcessor processor, GlobalMemory memory, OperatingSystem os) {
        this.processor = processor;
        this.memory = memory;
        this.os = os;
    }

    @Override
    public CpuTime cpuTime() {
        long[] ticks = processor.getSystemCpuLoadTicks();
        long total = 0;
        for (long t : ticks) {
            total += t;
        }
        // OSHI's own load formula: everything but idle and I/O wait is busy.
        long idle = ticks[TickType.IDLE.getIndex()] + ticks[TickType.IOWAIT.getIndex()];
        return new CpuTime(total - idle, total);
    }

    @Override
    public Memory memory() {
        VirtualMemory swap = memory.getVirtualMemory();
        long swapTotal = swap.getSwapTotal();
        long total = memory.getTotal();
        return new Memory(
                total > 0 ? total : UNKNOWN,
                total > 0 ? memory.getAvailable() : UNKNOWN,
                Math.max(0, swapTotal),
                swapTotal > 0 ? swap.getSwapUsed() : UNKNOWN);
    }

    @Override
    public Uptime uptime() {
        long uptime = os.getSystemUptime();
        long boot = os.getSystemBootTime();
        return new Uptime(uptime > 0 ? uptime : UNKNOWN, boot > 0 ? boot : UNKNOWN);
    }
}
