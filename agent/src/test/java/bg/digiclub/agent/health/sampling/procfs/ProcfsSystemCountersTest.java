package bg.digiclub.agent.health.sampling.procfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.agent.health.sampling.Fixtures;
import bg.digiclub.agent.health.sampling.SystemCounters;
import bg.digiclub.agent.health.sampling.SystemCounters.CpuTime;
import bg.digiclub.agent.health.sampling.SystemCounters.Memory;
import bg.digiclub.agent.health.sampling.SystemCounters.Uptime;

class ProcfsSystemCountersTest {

    @Test
    void cpuTimeCountsEightFieldsAndIdleAndIowaitAreNotBusy() {
        // cpu  1422708 0 214726 2018907 25003 0 11520 18255 0 0
        CpuTime t = ProcfsSystemCounters.parseCpuTime(Fixtures.text("procfs/proc-stat.txt"));
        long total = 1422708L + 0 + 214726 + 2018907 + 25003 + 0 + 11520 + 18255;
        assertEquals(new CpuTime(total - 2018907 - 25003, total), t);
    }

    @Test
    void loadIsTheBusyShareOfTheTicksBetweenTwoReadings() {
        CpuTime before = ProcfsSystemCounters.parseCpuTime("cpu  100 0 50 800 50 0 0 0 0 0\n");
        CpuTime after = ProcfsSystemCounters.parseCpuTime("cpu  130 0 60 850 60 0 0 0 0 0\n");
        // 100 ticks passed, 40 of them user + system
        assertEquals(0.40, after.loadSince(before).getAsDouble(), 1e-9);
        assertEquals(OptionalDouble.empty(), after.loadSince(after), "no tick passed: no load, not 0 %");
    }

    @Test
    void olderKernelsWithFewerFieldsStillGiveCpuTime() {
        // Linux 2.6.11 and earlier: user nice system idle iowait only
        assertEquals(new CpuTime(15, 95), ProcfsSystemCounters.parseCpuTime("cpu  10 0 5 70 10\ncpu0 10 0 5 70 10\n"));
    }

    @Test
    void aStatFileWithoutTheCpuLineIsAClearError() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ProcfsSystemCounters.parseCpuTime("intr 1 2 3\n"));
        assertEquals("/proc/stat does not start with the cpu line", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ProcfsSystemCounters.parseCpuTime("cpu  1 2\n"));
    }

    @Test
    void bootTimeIsTheBtimeLine() {
        assertEquals(1_795_591_088L, ProcfsSystemCounters.parseBootTime(Fixtures.text("procfs/proc-stat.txt")));
        assertEquals(SystemCounters.UNKNOWN, ProcfsSystemCounters.parseBootTime("cpu  1 2 3 4 5\n"));
    }

    @Test
    void memoryInKibibytesBecomesBytesAndNoSwapHasNoUse() {
        Memory m = ProcfsSystemCounters.parseMeminfo(Fixtures.text("procfs/meminfo.txt"));
        assertEquals(new Memory(24_683_656L * 1024, 24_173_540L * 1024, 0, SystemCounters.UNKNOWN), m);
    }

    @Test
    void swapUseIsTotalLessFree() {
        String withSwap = Fixtures.text("procfs/meminfo.txt")
                .replace("SwapTotal:             0 kB", "SwapTotal:       2097148 kB")
                .replace("SwapFree:              0 kB", "SwapFree:        1048574 kB");
        Memory m = ProcfsSystemCounters.parseMeminfo(withSwap);
        assertEquals(2_097_148L * 1024, m.swapTotal());
        assertEquals(1_048_574L * 1024, m.swapUsed());
    }

    @Test
    void withoutMemAvailableFreePlusCacheIsAvailable() {
        // kernels before 3.14; "SwapCached:" must not be taken for "Cached:"
        Memory m = ProcfsSystemCounters.parseMeminfo(
                "MemTotal:  1000 kB\nMemFree:  200 kB\nBuffers:  10 kB\n" + "Cached:  300 kB\nSwapCached:  7 kB\n");
        assertEquals(new Memory(1000 * 1024, 500 * 1024, 0, SystemCounters.UNKNOWN), m);
    }

    @Test
    void meminfoWithoutATotalHasNoMemoryFigures() {
        Memory m = ProcfsSystemCounters.parseMeminfo("MemAvailable:  100 kB\n");
        assertEquals(SystemCounters.UNKNOWN, m.total());
        assertEquals(SystemCounters.UNKNOWN, m.available());
    }

    @Test
    void uptimeIsTheWholeSecondsOfTheFirstNumber() {
        assertEquals(1099, ProcfsSystemCounters.parseUptimeSeconds(Fixtures.text("procfs/uptime.txt")));
        assertEquals(SystemCounters.UNKNOWN, ProcfsSystemCounters.parseUptimeSeconds(""));
    }

    @Test
    void readsTheFilesOfAProcDirectory(@TempDir Path proc) throws IOException {
        Files.writeString(proc.resolve("stat"), Fixtures.text("procfs/proc-stat.txt"));
        Files.writeString(proc.resolve("meminfo"), Fixtures.text("procfs/meminfo.txt"));
        Files.writeString(proc.resolve("uptime"), "354.72 690.31\n");
        ProcfsSystemCounters counters = new ProcfsSystemCounters(proc);

        assertEquals(new Uptime(354, 1_795_591_088L), counters.uptime());
        assertTrue(counters.cpuTime().total() > 0);
        assertEquals(24_683_656L * 1024, counters.memory().total());
    }

    @Test
    void aMissingFileIsAClearError(@TempDir Path proc) {
        UncheckedIOException e =
                assertThrows(UncheckedIOException.class, () -> new ProcfsSystemCounters(proc).memory());
        assertEquals("cannot read " + proc.resolve("meminfo"), e.getMessage());
    }
}
