package bg.digiclub.agent.health.sampling.procfs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.agent.health.sampling.DiskCounters.DiskCount;
import bg.digiclub.agent.health.sampling.Fixtures;

class ProcfsDiskCountersTest {

    @Test
    void sectorsBecomeBytesForEveryDevice() {
        Map<String, long[]> counters = ProcfsDiskCounters.parseDiskstats(Fixtures.text("procfs/diskstats-vm.txt"));
        assertArrayEquals(new long[] {3_552_794L * 512, 60_837_800L * 512}, counters.get("vda"));
        assertArrayEquals(new long[] {0, 0}, counters.get("zram0"));
    }

    @Test
    void shortAndGarbledLinesAreSkipped() {
        Map<String, long[]> counters = ProcfsDiskCounters.parseDiskstats(
                "8 0 sda 1 2 3\n8 16 sdb x y z a b c d e f\n\n 8 32 sdc 1 0 8 0 1 0 16 0 0 0 0\n");
        assertEquals(List.of("sdc"), List.copyOf(counters.keySet()));
        assertArrayEquals(new long[] {8 * 512, 16 * 512}, counters.get("sdc"));
    }

    @Test
    void readsOnlyTheListedDisksAtOneTime(@TempDir Path dir) throws IOException {
        Path diskstats = dir.resolve("diskstats");
        Files.writeString(diskstats, Fixtures.text("procfs/diskstats-vm.txt"));
        ProcfsDiskCounters counters = new ProcfsDiskCounters(diskstats, () -> 42_000L);

        List<DiskCount> counts = counters.read(List.of(new NamedDisk("/dev/vda"), new NamedDisk("/dev/sdz")));

        assertEquals(List.of(new DiskCount("vda", 3_552_794L * 512, 60_837_800L * 512, 42_000L)), counts);
    }

    @Test
    void unreadableDiskstatsIsAClearError(@TempDir Path dir) {
        Path missing = dir.resolve("diskstats");
        UncheckedIOException e =
                assertThrows(UncheckedIOException.class, () -> new ProcfsDiskCounters(missing).read(List.of()));
        assertEquals("cannot read " + missing, e.getMessage());
    }
}
