package bg.digiclub.agent.health.sampling.procfs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.agent.health.sampling.Fixtures;
import bg.digiclub.agent.health.sampling.NetworkCounters.InterfaceCount;
import bg.digiclub.agent.health.sampling.NetworkUp;

class ProcfsNetworkCountersTest {

    @Test
    void readsReceivedAndSentBytesOfEveryInterface() {
        Map<String, long[]> counters = ProcfsNetworkCounters.parseNetDev(Fixtures.text("procfs/net-dev.txt"));
        assertArrayEquals(new long[] {251_253_998L, 504_744L}, counters.get("eth0"));
        assertArrayEquals(new long[] {94_459L, 94_459L}, counters.get("lo"));
        assertEquals(4, counters.size(), "header lines are not interfaces");
    }

    @Test
    void garbledLinesAreSkipped() {
        assertEquals(Map.of(), ProcfsNetworkCounters.parseNetDev("wlan0: 1 2 3\nx: a b c d e f g h i j\n"));
    }

    @Test
    void readsCountersAndOperstateOfTheNamedInterfaces(@TempDir Path dir) throws IOException {
        Path netDev = dir.resolve("dev");
        Files.writeString(netDev, Fixtures.text("procfs/net-dev.txt"));
        Path sysClassNet = Files.createDirectory(dir.resolve("net"));
        Files.writeString(Files.createDirectory(sysClassNet.resolve("eth0")).resolve("operstate"), "up\n");
        Files.writeString(Files.createDirectory(sysClassNet.resolve("ifb0")).resolve("operstate"), "down\n");

        List<InterfaceCount> counts = new ProcfsNetworkCounters(netDev, sysClassNet, () -> 7_000L)
                .readNamed(List.of("eth0", "ifb0", "ifb1", "wlan0"));

        assertEquals(
                List.of(
                        new InterfaceCount("eth0", OptionalDouble.of(1.0), 251_253_998L, 504_744L, 7_000L),
                        new InterfaceCount("ifb0", OptionalDouble.of(0.0), 0, 0, 7_000L),
                        new InterfaceCount("ifb1", OptionalDouble.empty(), 0, 0, 7_000L)),
                counts);
    }

    @Test
    void interfaceListedOnceIsStillReportedWhenTheListDropsItWhileDown(@TempDir Path dir) throws IOException {
        Path netDev = dir.resolve("dev");
        Files.writeString(netDev, Fixtures.text("procfs/net-dev.txt"));
        Path sysClassNet = Files.createDirectory(dir.resolve("net"));
        Path eth0State = Files.createDirectory(sysClassNet.resolve("eth0")).resolve("operstate");
        Files.writeString(eth0State, "up\n");
        ProcfsNetworkCounters counters = new ProcfsNetworkCounters(netDev, sysClassNet, () -> 1_000L);
        assertEquals(
                OptionalDouble.of(1.0),
                counters.readNamed(List.of("eth0")).get(0).up());

        // Cable out: the address is gone, so Java's interface list no longer has eth0.
        Files.writeString(eth0State, "down\n");
        List<InterfaceCount> counts = counters.readNamed(List.of());
        assertEquals(List.of("eth0"), counts.stream().map(InterfaceCount::name).toList());
        assertEquals(OptionalDouble.of(0.0), counts.get(0).up());

        // USB adapter pulled: the kernel has no eth0 any more, so it is forgotten.
        Files.writeString(netDev, Fixtures.text("procfs/net-dev.txt").replaceAll("(?m)^.*eth0:.*$\n", ""));
        assertEquals(List.of(), counters.readNamed(List.of()));
    }

    @Test
    void operstateTextMapsToUpDownOrUnknown() {
        assertEquals(OptionalDouble.of(1.0), NetworkUp.ofOperstate("up\n"));
        assertEquals(OptionalDouble.of(0.0), NetworkUp.ofOperstate("lowerlayerdown"));
        assertTrue(NetworkUp.ofOperstate("unknown").isEmpty());
        assertTrue(NetworkUp.ofOperstate("dormant").isEmpty());
    }

    @Test
    void unreadableNetDevIsAClearError(@TempDir Path dir) {
        Path missing = dir.resolve("dev");
        UncheckedIOException e = assertThrows(
                UncheckedIOException.class, () -> new ProcfsNetworkCounters(missing, dir).readNamed(List.of("eth0")));
        assertEquals("cannot read " + missing, e.getMessage());
    }
}
