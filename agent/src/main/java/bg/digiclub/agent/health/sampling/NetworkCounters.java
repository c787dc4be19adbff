package bg.digiclub.agent.health.sampling;

import java.util.List;
import java.util.OptionalDouble;

import oshi.hardware.NetworkIF;

/**
 * Reads state and byte counters of network interfaces, each platform its cheapest way: {@code /proc}
 * and {@code /sys} directly on Linux, OSHI elsewhere ({@code oshi.PlatformReaders} picks).
 */
public interface NetworkCounters {

    /**
     * One interface at one reading.
     *
     * @param name     the interface's name ({@code eth0}, {@code wlan0})
     * @param up       1 up, 0 down, empty when the OS does not know (see {@link NetworkUp})
     * @param rxBytes  bytes received since the interface appeared
     * @param txBytes  bytes sent since the interface appeared
     * @param atMillis when the counters were read, in milliseconds of a clock that does not jump
     */
    record InterfaceCount(String name, OptionalDouble up, long rxBytes, long txBytes, long atMillis) {}

    /** The state and counters of {@code interfaces} now; an interface that cannot be read is left out. */
    List<InterfaceCount> read(List<NetworkIF> interfaces);
}
