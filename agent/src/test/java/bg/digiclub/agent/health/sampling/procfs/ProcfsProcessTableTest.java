package bg.digiclub.agent.health.sampling.procfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.agent.health.sampling.Fixtures;
import bg.digiclub.agent.health.sampling.ProcessTable.CpuTimes;
import bg.digiclub.agent.health.sampling.ProcessTable.ProcessReading;

class ProcfsProcessTableTest {
    private static final long HZ = 100;
    private static final long PAGE = 4096;

    @Test
    void readsNameCpuTimesAgeAndMemoryOfAJvm() {
        // uptime 1099.34 s; the JVM started at tick 109714, used 81 + 6 ticks, holds 18036 pages.
        ProcessReading jvm = ProcfsProcessTable.parseStat(Fixtures.text("procfs/stat-java.txt"), 1_099_340, HZ, PAGE)
                .orElseThrow();
        assertEquals(25459, jvm.pid());
        assertEquals("java", jvm.name());
        assertEquals(new CpuTimes(1_097_140, 2_200, 870), jvm.cpu());
        assertEquals(18036L * PAGE, jvm.residentBytes());
    }

    @Test
    void nameMayContainParenthesesAndSpaces() {
        ProcessReading tab = ProcfsProcessTable.parseStat(
                        Fixtures.text("procfs/stat-name-with-parentheses.txt"), 3_000_000, HZ, PAGE)
                .orElseThrow();
        assertEquals("Web Content (2)", tab.name());
        assertEquals(4242, tab.pid());
        assertEquals(18_600, tab.cpu().busyMillis());
    }

    @Test
    void kernelThreadHoldsNoMemory() {
        ProcessReading kthreadd = ProcfsProcessTable.parseStat(
                        Fixtures.text("procfs/stat-kthreadd.txt"), 1_099_340, HZ, PAGE)
                .orElseThrow();
        assertEquals("kthreadd", kthreadd.name());
        assertEquals(0, kthreadd.residentBytes());
    }

    @Test
    void cutOrGarbledLinesAreSkipped() {
        assertTrue(ProcfsProcessTable.parseStat("", 1, HZ, PAGE).isEmpty());
        assertTrue(
                ProcfsProcessTable.parseStat("12 (bash) S 1 2 3", 1, HZ, PAGE).isEmpty());
        assertTrue(ProcfsProcessTable.parseStat("x (bash" + " 0".repeat(40), 1, HZ, PAGE)
                .isEmpty());
    }

    @Test
    void uptimeIsTheFirstNumber() {
        assertEquals(1_099_340, ProcfsProcessTable.parseUptimeMillis(Fixtures.text("procfs/uptime.txt")));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ProcfsProcessTable.parseUptimeMillis("up 3 days"));
        assertEquals("/proc/uptime does not start with seconds: \"up 3 days\"", e.getMessage());
    }

    @Test
    void readsEveryProcessDirectoryOfAProcTree(@TempDir Path proc) throws IOException {
        Files.writeString(proc.resolve("uptime"), Fixtures.text("procfs/uptime.txt"));
        for (String fixture : List.of("stat-pid1.txt", "stat-java.txt", "stat-kthreadd.txt")) {
            String line = Fixtures.text("procfs/" + fixture);
            Path dir = Files.createDirectory(proc.resolve(line.substring(0, line.indexOf(' '))));
            Files.writeString(dir.resolve("stat"), line);
        }
        Files.createDirectory(proc.resolve("777")); // ended while being read: no stat file any more
        Files.createDirectory(proc.resolve("sys"));
        Files.writeString(proc.resolve("meminfo"), "MemTotal: 1 kB\n");

        List<ProcessReading> all = new ProcfsProcessTable(proc, HZ, PAGE).read();

        assertEquals(
                List.of(1, 2, 25459),
                all.stream()
                        .map(ProcessReading::pid)
                        .sorted(Comparator.naturalOrder())
                        .toList());
    }

    @Test
    void missingProcTreeIsAClearError(@TempDir Path empty) {
        IllegalStateException e = assertThrows(
                IllegalStateException.class, () -> new ProcfsProcessTable(empty.resolve("proc"), HZ, PAGE).read());
        assertTrue(e.getMessage().startsWith("cannot read processes from "), e.getMessage());
    }
}
