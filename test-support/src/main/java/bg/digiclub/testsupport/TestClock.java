package bg.digiclub.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The one clock every test moves by hand, so that minutes, days and months pass in no time. Any
 * thread may read it while the test moves it.
 *
 * <p>{@link #withZone} gives a view in another zone that still follows this clock, as production
 * code expects of a clock it was given (the collector asks for the club's zone of the clock it
 * runs on): moving this clock moves every view of it.
 */
public final class TestClock extends Clock {
    /** The clubs' zone: agents cut local days in it. */
    public static final ZoneId SOFIA = ZoneId.of("Europe/Sofia");

    private final Source source;
    private final ZoneId zone;

    /** A clock at {@code start} in {@code zone}. */
    public TestClock(Instant start, ZoneId zone) {
        this(new Source(Objects.requireNonNull(start, "start")), zone);
    }

    /** A clock at {@code start} in UTC. */
    public TestClock(Instant start) {
        this(start, ZoneOffset.UTC);
    }

    private TestClock(Source source, ZoneId zone) {
        this.source = source;
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** A clock in Sofia at an ISO instant, e.g. {@code 2026-11-25T07:00:00Z}. */
    public static TestClock sofia(String isoInstant) {
        return sofia(Instant.parse(isoInstant));
    }

    /** A clock in Sofia at {@code start}. */
    public static TestClock sofia(Instant start) {
        return new TestClock(start, SOFIA);
    }

    /** 2026-11-25 09:00 in Sofia, a Wednesday morning at the club. */
    public static TestClock clubMorning() {
        return sofia("2026-11-25T07:00:00Z");
    }

    /** Moves the clock on by {@code by} (back, if negative). */
    public void advance(Duration by) {
        source.move(by);
    }

    /** Puts the clock at {@code instant}, forward or back (a wall clock set back by an hour). */
    public void set(Instant instant) {
        source.set(Objects.requireNonNull(instant, "instant"));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public TestClock withZone(ZoneId other) {
        return new TestClock(source, other);
    }

    @Override
    public Instant instant() {
        return source.now;
    }

    @Override
    public String toString() {
        return "TestClock[" + source.now + ", " + zone + "]";
    }

    /** The instant that a clock and its views in other zones share. */
    private static final class Source {
        private volatile Instant now;

        Source(Instant start) {
            this.now = start;
        }

        synchronized void move(Duration by) {
            now = now.plus(by);
        }

        synchronized void set(Instant instant) {
            now = instant;
        }
    }
}
