package bg.digiclub.kiosk.testing;

import java.time.Duration;
import java.util.function.LongSupplier;

/** A monotonic ticker moved by hand: a 60-minute session passes in a method call. */
public final class FakeTicker implements LongSupplier {
    // not zero: real nanoTime values are arbitrary, and code must only use differences
    private long now = 987_654_321_000L;

    @Override
    public synchronized long getAsLong() {
        return now;
    }

    public synchronized void advance(Duration duration) {
        now += duration.toNanos();
    }
}
