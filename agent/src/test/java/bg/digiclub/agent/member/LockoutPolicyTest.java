package bg.digiclub.agent.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import bg.digiclub.agent.member.LockoutPolicy.LockState;

class LockoutPolicyTest {
    private static final Instant T0 = Instant.parse("2026-11-25T07:00:00Z");

    @Test
    void fifthFailureLocksForFiveMinutesAndTheNextRoundIsFiveMoreFailures() {
        LockoutPolicy policy = LockoutPolicy.DEFAULT;
        LockState s = LockState.CLEAR;
        for (int i = 1; i <= 4; i++) {
            s = policy.afterFailure(s, T0);
            assertEquals(Duration.ZERO, policy.lockedFor(s, T0), "after failure " + i);
        }
        s = policy.afterFailure(s, T0);
        assertEquals(Duration.ofMinutes(5), policy.lockedFor(s, T0));
        assertEquals(Duration.ofMinutes(1), policy.lockedFor(s, T0.plusSeconds(240)));
        assertEquals(Duration.ZERO, policy.lockedFor(s, T0.plusSeconds(300)));

        Instant later = T0.plusSeconds(301);
        for (int i = 6; i <= 9; i++) {
            s = policy.afterFailure(s, later);
            assertEquals(Duration.ZERO, policy.lockedFor(s, later), "after failure " + i);
        }
        s = policy.afterFailure(s, later);
        assertEquals(Duration.ofMinutes(5), policy.lockedFor(s, later), "member cards: every round the same");
    }

    @Test
    void staffLocksDoubleEveryRoundUpToAnHour() {
        LockoutPolicy policy = LockoutPolicy.STAFF;
        LockState s = LockState.CLEAR;
        Instant now = T0;
        List<Long> minutes = new ArrayList<>();
        for (int round = 1; round <= 9; round++) {
            for (int i = 1; i < policy.maxFailures(); i++) {
                s = policy.afterFailure(s, now);
                assertEquals(Duration.ZERO, policy.lockedFor(s, now));
            }
            s = policy.afterFailure(s, now);
            Duration locked = policy.lockedFor(s, now);
            minutes.add(locked.toMinutes());
            assertEquals(round, policy.rounds(s));
            now = now.plus(locked);
        }
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L), minutes);
    }

    @Test
    void aRightPinStartsOverAtTheShortestLock() {
        LockoutPolicy policy = LockoutPolicy.STAFF;
        LockState s = new LockState(15, null);
        assertEquals(3, policy.rounds(s));
        s = policy.afterSuccess();
        for (int i = 0; i < 5; i++) {
            s = policy.afterFailure(s, T0);
        }
        assertEquals(Duration.ofMinutes(1), policy.lockedFor(s, T0));
    }

    @Test
    void manyRoundsNeverOverflow() {
        LockoutPolicy policy = LockoutPolicy.STAFF;
        assertEquals(Duration.ofHours(1), policy.lockLength(1_000_000));
        LockState s = policy.afterFailure(new LockState(Integer.MAX_VALUE, null), T0);
        assertEquals(Integer.MAX_VALUE, s.failures());
    }

    @Test
    void aCapBelowTheFirstLockIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new LockoutPolicy(5, Duration.ofMinutes(5), Duration.ofMinutes(1)));
    }
}
