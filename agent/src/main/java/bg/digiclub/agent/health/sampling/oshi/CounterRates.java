package bg.digiclub.agent.health.sampling.oshi;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Turns ever-growing byte counters (disk bytes read, network bytes received, ...) into per-second
 * rates by remembering each counter's previous reading.
 *
 * <p>A rate is absent on a counter's first reading, when no time has passed, and when the counter
 * went backwards (a device re-plugged, a driver reset, a 32-bit counter wrapped): a made-up rate
 * would be worse than none. Not thread-safe.
 */
final class CounterRates {
    private record Reading(long value, long atMillis) {}

    private final Map<String, Reading> previous = new HashMap<>();

    /**
     * Records {@code value} of counter {@code key} read at {@code atMillis} and returns its rate per
     * second since the previous reading of the same key.
     */
    OptionalDouble update(String key, long value, long atMillis) {
        Reading before = previous.put(key, new Reading(value, atMillis));
        return before == null ? OptionalDouble.empty() : rate(before.value, before.atMillis, value, atMillis);
    }

    /** Forgets every counter not in {@code keys}, so vanished devices do not pile up. */
    void retainOnly(Collection<String> keys) {
        previous.keySet().retainAll(keys);
    }

    /** The rate per second between two readings of a counter; empty when it cannot be told. */
    static OptionalDouble rate(long valueBefore, long millisBefore, long valueNow, long millisNow) {
        long elapsed = millisNow - millisBefore;
        long delta = valueNow - valueBefore;
        if (elapsed <= 0 || delta < 0 || valueBefore < 0 || valueNow < 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(delta * 1000.0 / elapsed);
    }
}
