package bg.digiclub.agent.health.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import bg.digiclub.testsupport.TestClock;

class ExpiringValueTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-11-25T08:00:00Z"));
    private final AtomicInteger queries = new AtomicInteger();
    private final ExpiringValue<Integer> value =
            new ExpiringValue<>(queries::incrementAndGet, Duration.ofMinutes(5), clock);

    @Test
    void keepsTheValueUntilItsTimeToLiveIsOver() {
        assertEquals(1, value.get());
        clock.advance(Duration.ofMinutes(4).plusSeconds(59));
        assertEquals(1, value.get());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(2, value.get());
        assertEquals(2, queries.get());
    }

    @Test
    void clockGoingBackwardsExpiresTheValue() {
        assertEquals(1, value.get());
        clock.advance(Duration.ofHours(-1));
        assertEquals(2, value.get());
    }

    @Test
    void invalidatedValueIsQueriedAgain() {
        assertEquals(1, value.get());
        value.invalidate();
        assertEquals(2, value.get());
    }

    @Test
    void zeroTimeToLiveQueriesEveryTime() {
        ExpiringValue<Integer> uncached = new ExpiringValue<>(queries::incrementAndGet, Duration.ZERO, clock);
        assertEquals(1, uncached.get());
        assertEquals(2, uncached.get());
    }

    @Test
    void negativeTimeToLiveIsRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new ExpiringValue<>(() -> 1, Duration.ofSeconds(-1), clock));
        assertEquals("ttl must not be negative: PT-1S", e.getMessage());
    }
}
