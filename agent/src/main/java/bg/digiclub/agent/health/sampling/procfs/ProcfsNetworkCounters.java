package bg.digiclub.agent.health.sampling.procfs;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import oshi.hardware.NetworkIF;

import bg.digiclub.agent.health.sampling.NetworkCounters;
import bg.digiclub.agent.health.sampling.NetworkUp;

/**
 * Network counters from Linux's {@code /proc/net/dev} (all interfaces in one small file) and each
 * interface's {@code /sys/class/net/<name>/operstate}. OSHI's {@code NetworkIF.updateAttributes()}
 * reads about a dozen sysfs files per interface (0.7 ms each here); this is two reads in all.
 *
 * <p>OSHI lists interfaces through {@link java.net.NetworkInterface}, which on Linux leaves out an
 * interface that is down and has lost its addresses — exactly when "network down" matters. So every
 * interface listed once is remembered and read for as long as the kernel still has it
 * ({@code /proc/net/dev}); an unplugged cable then shows as down, not as gone. Not thread-safe.
 */
public final class ProcfsNetworkCounters implements NetworkCounters {
    private final ProcFile procNetDev;
    /** Each known interface's {@code operstate} file in {@code /sys/class/net}, kept open like the counters. */
    private final Map<String, ProcFile> operstates = new HashMap<>();

    private final Path sysClassNet;
    private final LongSupplier monotonicMillis;
    private final Set<String> known = new LinkedHashSet<>();

    /**
     * @param procNetDev      normally {@code /proc/net/dev}
     * @param sysClassNet     normally {@code /sys/class/net}
     * @param monotonicMillis time of each reading; must not jump (rates are computed over it)
     */
    ProcfsNetworkCounters(Path procNetDev, Path sysClassNet, LongSupplier monotonicMillis) {
        this.procNetDev = new ProcFile(procNetDev);
        this.sysClassNet = Objects.requireNonNull(sysClassNet, "sysClassNet");
        this.monotonicMillis = Objects.requireNonNull(monotonicMillis, "monotonicMillis");
    }

    /** A network counter reader with {@link System#nanoTime()} as its time. */
    public ProcfsNetworkCounters(Path procNetDev, Path sysClassNet) {
        this(procNetDev, sysClassNet, () -> TimeUnit.NANOSECONDS.toMillis(System.nanoTime()));
    }

    @Override
    public List<InterfaceCount> read(List<NetworkIF> interfaces) {
        return readNamed(interfaces.stream().map(NetworkIF::getName).toList());
    }

    /**
     * The state and counters of the interfaces named and of those named before that the kernel
     * still has; names the kernel does not have are left out (and forgotten).
     */
    List<InterfaceCount> readNamed(List<String> names) {
        String text = procNetDev.read();
        long at = monotonicMillis.getAsLong();
        Map<String, long[]> all = parseNetDev(text);
        known.addAll(names);
        known.retainAll(all.keySet());
        operstates.entrySet().removeIf(e -> {
            boolean gone = !known.contains(e.getKey());
            if (gone) {
                e.getValue().close();
            }
            return gone;
        });
        List<InterfaceCount> counts = new ArrayList<>(known.size());
        for (String name : known) {
            long[] rxTx = all.get(name);
            counts.add(new InterfaceCount(name, operstate(name), rxTx[0], rxTx[1], at));
        }
        return counts;
    }

    private OptionalDouble operstate(String name) {
        ProcFile file = operstates.computeIfAbsent(
                name, n -> new ProcFile(sysClassNet.resolve(n).resolve("operstate")));
        try {
            return NetworkUp.ofOperstate(file.read());
        } catch (UncheckedIOException e) {
            return OptionalDouble.empty();
        }
    }

    /**
     * Bytes received and sent per interface from {@code /proc/net/dev} text: two header lines, then
     * "name: rx-bytes rx-packets ... (8 receive fields) tx-bytes ...". Garbled lines are skipped.
     */
    static Map<String, long[]> parseNetDev(String text) {
        Map<String, long[]> counters = new HashMap<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String[] f = ProcFields.of(line.substring(colon + 1));
            if (f.length < 9) {
                continue;
            }
            try {
                counters.put(line.substring(0, colon).trim(), new long[] {Long.parseLong(f[0]), Long.parseLong(f[8])});
            } catch (NumberFormatException e) {
                // A header or garbled line.
            }
        }
        return counters;
    }
}
