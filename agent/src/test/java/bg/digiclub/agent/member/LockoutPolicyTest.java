package bg.digiclub.agent.member;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import bg.digiclub.agent.member.LockoutPolicy.LockState;

class LockoutPolicyTest {
    private static final Instant T0 = Instant.parse("2026-11-25T07:00:00Z");
    private final LockoutPolicy policy = LockoutPolicy.DEFAULT;

    @Test
    void fifthFailureLocksForFiveMinutesAndAFreshCountStartsAfter() {
        LockState s = LockState.CLEAR;
        for (int i = 1; i <= 4; i++) {
            s = policy.afterFailure(s, T0);
            assertEquals(Duration.ZERO, policy.lockedFor(s, T0), "after failure " + i);
        }
        s = policy.afterFailure(s, T0);
        assertEquals(Duration.ofMinutes(5), policy.lockedFor(s, T0));
        assertEquals(Duration.ofMinutes(1), policy.lockedFor(s, T0.plusSeconds(240)));
        assertEquals(Duration.ZERO, policy.lockedFor(s, T0.plusSeconds(300)));

        LockState after = policy.afterFailure(s, T0.plusSeconds(301));
        assertEquals(new LockState(1, null), after, "one failure after the lock is one, not six");
    }
}
