package bg.digiclub.collector.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import bg.digiclub.testsupport.TestClock;

class AttemptThrottleTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-11-25T08:00:00Z"));
    private final AttemptThrottle throttle =
            new AttemptThrottle(clock, 3, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofMinutes(5));

    @Test
    void locksAfterTheFreeFailuresAndDoublesTheLockout() {
        throttle.failed("user:a");
        throttle.failed("user:a");
        assertTrue(throttle.lockedFor("user:a").isEmpty());
        throttle.failed("user:a");
        assertEquals(Duration.ofSeconds(30), throttle.lockedFor("user:a").orElseThrow());
        clock.advance(Duration.ofSeconds(30));
        assertTrue(throttle.lockedFor("user:a").isEmpty());
        throttle.failed("user:a");
        assertEquals(Duration.ofSeconds(60), throttle.lockedFor("user:a").orElseThrow());
        assertTrue(throttle.lockedFor("user:b").isEmpty(), "other keys are not affected");
    }

    @Test
    void lockoutIsCappedAndSuccessClearsIt() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("ip:1");
        }
        assertEquals(Duration.ofMinutes(5), throttle.lockedFor("ip:1").orElseThrow());
        throttle.succeeded("ip:1");
        assertTrue(throttle.lockedFor("ip:1").isEmpty());
    }

    @Test
    void failuresOutsideTheWindowAreForgotten() {
        throttle.failed("user:a");
        throttle.failed("user:a");
        clock.advance(Duration.ofMinutes(16));
        throttle.failed("user:a");
        assertTrue(throttle.lockedFor("user:a").isEmpty());
    }
}
