package bg.digiclub.collector.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import bg.digiclub.testsupport.TestClock;

class RateLimiterTest {
    @Test
    void burstThenRefillAtTheRate() {
        TestClock clock = new TestClock(Instant.parse("2026-11-25T08:00:00Z"));
        RateLimiter limiter = new RateLimiter(clock, 2, 4);
        for (int i = 0; i < 4; i++) {
            assertTrue(limiter.acquire("pc").isEmpty());
        }
        assertEquals(Duration.ofMillis(500), limiter.acquire("pc").orElseThrow());
        assertTrue(limiter.acquire("other").isEmpty(), "buckets are per device");
        clock.advance(Duration.ofMillis(500));
        assertTrue(limiter.acquire("pc").isEmpty());
        assertTrue(limiter.acquire("pc").isPresent());
        clock.advance(Duration.ofHours(1));
        for (int i = 0; i < 4; i++) {
            assertTrue(limiter.acquire("pc").isEmpty(), "refills up to the burst only");
        }
        assertTrue(limiter.acquire("pc").isPresent());
    }
}
