package bg.digiclub.agent.health.sampling.oshi;

import java.nio.file.Files;
import java.nio.file.Path;

import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.software.common.os.linux.LinuxOperatingSystem;
import oshi.software.os.OperatingSystem;
import oshi.spi.SystemInfoProvider;
import oshi.util.linux.ProcPath;
import oshi.util.linux.SysPath;

import bg.digiclub.agent.health.sampling.DiskCounters;
import bg.digiclub.agent.health.sampling.NetworkCounters;
import bg.digiclub.agent.health.sampling.ProcessTable;
import bg.digiclub.agent.health.sampling.SystemCounters;
import bg.digiclub.agent.health.sampling.procfs.ProcfsDiskCounters;
import bg.digiclub.agent.health.sampling.procfs.ProcfsNetworkCounters;
import bg.digiclub.agent.health.sampling.procfs.ProcfsProcessTable;
import bg.digiclub.agent.health.sampling.procfs.ProcfsSystemCounters;

/**
 * The one place that picks how processes, CPU time, memory, uptime, disk and network counters are
 * read: from Linux's {@code /proc} and {@code /sys} directly where they are there (OSHI's own way
 * costs several times more CPU, see {@link ProcfsProcessTable}, {@link ProcfsSystemCounters},
 * {@link ProcfsDiskCounters}, {@link ProcfsNetworkCounters}),
 * through OSHI everywhere else. OSHI still lists the disks and interfaces.
 *
 * <p>On Linux OSHI itself is used in its native-free form, which reads {@code /proc} and
 * {@code /sys} instead of calling udev and libc through JNA: a JNA call marshals its arguments by
 * reflection, slow until the JIT has compiled it, and each sample made several (battery list,
 * file system sizes).
 */
public final class PlatformReaders {
    /** USER_HZ on every mainstream Linux, used if OSHI cannot tell. */
    private static final long DEFAULT_USER_HZ = 100;

    private PlatformReaders() {}

    /** OSHI's entry point for this platform: native-free on Linux, the JNA one elsewhere. */
    public static SystemInfoProvider systemInfo() {
        oshi.nativefree.SystemInfo nativeFree = new oshi.nativefree.SystemInfo();
        return nativeFree.isAvailable() ? nativeFree : new SystemInfo();
    }

    static ProcessTable processTable(OperatingSystem os, GlobalMemory memory) {
        // ProcPath honours OSHI's oshi.util.proc.path setting, as OSHI's own readers do.
        Path proc = Path.of(ProcPath.PROC);
        if (os instanceof LinuxOperatingSystem linux
                && Files.isReadable(proc.resolve("self/stat"))
                && Files.isReadable(proc.resolve("uptime"))) {
            long hz = linux.getHz() > 0 ? linux.getHz() : DEFAULT_USER_HZ;
            return new ProcfsProcessTable(proc, hz, memory.getPageSize());
        }
        return new OshiProcessTable(os);
    }

    static SystemCounters systemCounters(OperatingSystem os, CentralProcessor processor, GlobalMemory memory) {
        Path proc = Path.of(ProcPath.PROC);
        if (os instanceof LinuxOperatingSystem
                && Files.isReadable(proc.resolve("stat"))
                && Files.isReadable(proc.resolve("meminfo"))
                && Files.isReadable(proc.resolve("uptime"))) {
            return new ProcfsSystemCounters(proc);
        }
        return new OshiSystemCounters(processor, memory, os);
    }

    static DiskCounters diskCounters(OperatingSystem os) {
        Path diskstats = Path.of(ProcPath.DISKSTATS);
        if (os instanceof LinuxOperatingSystem && Files.isReadable(diskstats)) {
            return new ProcfsDiskCounters(diskstats);
        }
        return new OshiDiskCounters();
    }

    static NetworkCounters networkCounters(OperatingSystem os) {
        Path netDev = Path.of(ProcPath.NET, "dev");
        Path sysClassNet = Path.of(SysPath.NET);
        if (os instanceof LinuxOperatingSystem && Files.isReadable(netDev) && Files.isDirectory(sysClassNet)) {
            return new ProcfsNetworkCounters(netDev, sysClassNet);
        }
        return new OshiNetworkCounters();
    }
}
