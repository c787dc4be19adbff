package bg.digiclub.systemtest.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The one clock of a simulated club: the agent, the kiosk's events and the collector all read
 * it, and the test moves it, so that days and months pass in milliseconds. Its zone is the
 * club's (Europe/Sofia): the agent cuts local days with it.
 */
public final class SimClock extends Clock {
    public static final ZoneId SOFIA = ZoneId.of("Europe/Sofia");

    private final ZoneId zone;
    private volatile Instant now;

    public SimClock(Instant start) {
        this(start, SOFIA);
    }

    private SimClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    /** Moves the clock; it never goes back (nothing in the system under test expects that here). */
    public synchronized void set(Instant instant) {
        if (instant.isBefore(now)) {
            throw new IllegalArgumentException("the simulated clock does not go back: " + now + " -> " + instant);
        }
        now = instant;
    }

    public void advance(Duration by) {
        set(now.plus(by));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        SimClock outer = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return other;
            }

            @Override
            public Clock withZone(ZoneId z) {
                return outer.withZone(z);
            }

            @Override
            public Instant instant() {
                return outer.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        return now;
    }
}
