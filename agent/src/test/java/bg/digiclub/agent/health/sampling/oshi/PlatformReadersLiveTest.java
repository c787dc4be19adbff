package bg.digiclub.agent.health.sampling.oshi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.hardware.HWDiskStore;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.NetworkIF;
import oshi.hardware.PowerSource;
import oshi.software.os.OSFileStore;
import oshi.software.os.OperatingSystem;
import oshi.spi.SystemInfoProvider;

import bg.digiclub.agent.health.sampling.DeviceNames;
import bg.digiclub.agent.health.sampling.DiskCounters;
import bg.digiclub.agent.health.sampling.DiskCounters.DiskCount;
import bg.digiclub.agent.health.sampling.NetworkCounters;
import bg.digiclub.agent.health.sampling.NetworkCounters.InterfaceCount;
import bg.digiclub.agent.health.sampling.NetworkUp;
import bg.digiclub.agent.health.sampling.ProcessTable;
import bg.digiclub.agent.health.sampling.ProcessTable.ProcessReading;
import bg.digiclub.agent.health.sampling.SystemCounters;
import bg.digiclub.agent.health.sampling.procfs.ProcfsDiskCounters;
import bg.digiclub.agent.health.sampling.procfs.ProcfsNetworkCounters;
import bg.digiclub.agent.health.sampling.procfs.ProcfsProcessTable;
import bg.digiclub.agent.health.sampling.procfs.ProcfsSystemCounters;

/** The Linux readers against this machine's real {@code /proc} and {@code /sys}, checked against OSHI. */
@EnabledOnOs(OS.LINUX)
class PlatformReadersLiveTest {
    private static SystemInfo systemInfo;
    private OperatingSystem os;
    private HardwareAbstractionLayer hardware;

    @BeforeAll
    static void quietOshiThenStartIt() {
        QuietOshi.apply();
        systemInfo = new SystemInfo();
    }

    @BeforeEach
    void holdOshiObjects() {
        os = systemInfo.getOperatingSystem();
        hardware = systemInfo.getHardware();
    }

    @Test
    void onLinuxOshiIsNativeFreeAndSeesWhatTheJnaOneSees() {
        SystemInfoProvider chosen = PlatformReaders.systemInfo();
        assertInstanceOf(oshi.nativefree.SystemInfo.class, chosen);
        HardwareAbstractionLayer nf = chosen.getHardware();
        assertEquals(hardware.getMemory().getTotal(), nf.getMemory().getTotal());
        assertEquals(
                hardware.getProcessor().getLogicalProcessorCount(),
                nf.getProcessor().getLogicalProcessorCount());
        // the disks the sampler measures: virtual ones (zram, loop, ...) are left out either way
        assertEquals(realDisks(hardware.getDiskStores()), realDisks(nf.getDiskStores()));
        assertEquals(
                names(hardware.getNetworkIFs(false).stream()
                        .map(NetworkIF::getName)
                        .toList()),
                names(nf.getNetworkIFs(false).stream().map(NetworkIF::getName).toList()));
        assertEquals(
                names(hardware.getPowerSources().stream()
                        .map(PowerSource::getName)
                        .toList()),
                names(nf.getPowerSources().stream().map(PowerSource::getName).toList()));
        assertEquals(
                names(os.getFileSystem().getFileStores(true).stream()
                        .map(OSFileStore::getMount)
                        .toList()),
                names(chosen.getOperatingSystem().getFileSystem().getFileStores(true).stream()
                        .map(OSFileStore::getMount)
                        .toList()));
        assertEquals(os.getSystemBootTime(), chosen.getOperatingSystem().getSystemBootTime(), 2);
    }

    private static List<String> realDisks(List<HWDiskStore> disks) {
        return names(disks.stream().map(HWDiskStore::getName).toList()).stream()
                .filter(d -> !DeviceNames.isVirtualDisk(d))
                .toList();
    }

    private static List<String> names(List<String> names) {
        return names.stream().map(DeviceNames::shortDiskName).sorted().toList();
    }

    @Test
    void processTableFindsThisJvmAsOshiSeesIt() {
        ProcessTable table = PlatformReaders.processTable(os, hardware.getMemory());
        assertInstanceOf(ProcfsProcessTable.class, table);
        int self = (int) ProcessHandle.current().pid();
        ProcessReading me =
                table.read().stream().filter(p -> p.pid() == self).findFirst().orElseThrow();
        var oshiMe = os.getProcess(self);
        assertEquals(oshiMe.getName(), me.name());
        assertTrue(me.cpu().busyMillis() > 0, "this JVM has used CPU");
        assertTrue(me.residentBytes() > 10_000_000, "this JVM holds memory: " + me.residentBytes());
        // Both read the same kernel counters a moment apart.
        assertTrue(Math.abs(me.residentBytes() - oshiMe.getResidentMemory()) < 64L << 20);
        assertTrue(
                Math.abs(me.cpu().upTimeMillis() - oshiMe.getUpTime()) < 5_000,
                me.cpu().upTimeMillis() + " vs " + oshiMe.getUpTime());
    }

    @Test
    void systemCountersMatchOshi() {
        GlobalMemory memory = hardware.getMemory();
        CentralProcessor processor = hardware.getProcessor();
        SystemCounters counters = PlatformReaders.systemCounters(os, processor, memory);
        assertInstanceOf(ProcfsSystemCounters.class, counters);
        SystemCounters oshi = new OshiSystemCounters(processor, memory, os);

        SystemCounters.Memory mine = counters.memory();
        SystemCounters.Memory theirs = oshi.memory();
        assertEquals(theirs.total(), mine.total());
        assertEquals(theirs.swapTotal(), mine.swapTotal());
        // read a moment apart on a machine that is doing other things
        assertEquals(theirs.available(), mine.available(), 256L << 20);
        // both count ticks since boot (OSHI in milliseconds), so the busy share since boot agrees
        SystemCounters.CpuTime cpu = counters.cpuTime();
        SystemCounters.CpuTime oshiCpu = oshi.cpuTime();
        assertEquals((double) oshiCpu.busy() / oshiCpu.total(), (double) cpu.busy() / cpu.total(), 0.01);
        assertEquals(oshi.uptime().uptimeSeconds(), counters.uptime().uptimeSeconds(), 2);
        assertEquals(oshi.uptime().bootEpochSeconds(), counters.uptime().bootEpochSeconds(), 2);
    }

    @Test
    void diskCountersMatchOshisDisks() {
        DiskCounters counters = PlatformReaders.diskCounters(os);
        assertInstanceOf(ProcfsDiskCounters.class, counters);
        var disks = hardware.getDiskStores();
        List<DiskCount> counts = counters.read(disks);
        assertEquals(disks.size(), counts.size(), "every disk OSHI lists is in /proc/diskstats");
        for (var disk : disks) {
            DiskCount count = counts.stream()
                    .filter(c -> c.name().equals(DeviceNames.shortDiskName(disk.getName())))
                    .findFirst()
                    .orElseThrow();
            assertTrue(count.readBytes() >= disk.getReadBytes(), "counters only grow");
        }
    }

    @Test
    void networkCountersMatchOshisInterfaces() {
        NetworkCounters counters = PlatformReaders.networkCounters(os);
        assertInstanceOf(ProcfsNetworkCounters.class, counters);
        var interfaces = hardware.getNetworkIFs(false);
        List<InterfaceCount> counts = counters.read(interfaces);
        assertEquals(
                interfaces.stream().map(n -> n.getName()).toList(),
                counts.stream().map(InterfaceCount::name).toList());
        for (var nif : interfaces) {
            InterfaceCount count = counts.stream()
                    .filter(c -> c.name().equals(nif.getName()))
                    .findFirst()
                    .orElseThrow();
            assertTrue(count.rxBytes() >= nif.getBytesRecv(), "counters only grow");
            assertEquals(NetworkUp.of(nif.getIfOperStatus()), count.up());
        }
    }
}
