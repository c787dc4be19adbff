package bg.digiclub.agent.member;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * After {@code maxFailures} wrong PINs in a row the code is locked for {@code lockFor}; a right
 * PIN resets the count, and counting starts again when a lock ends. Pure arithmetic over
 * {@link LockState}; the stores persist the state so a restart of the agent does not unlock.
 */
public record LockoutPolicy(int maxFailures, Duration lockFor) {
    /** Five wrong PINs lock for five minutes (issue 3). */
    public static final LockoutPolicy DEFAULT = new LockoutPolicy(5, Duration.ofMinutes(5));

    public LockoutPolicy {
        Objects.requireNonNull(lockFor, "lockFor");
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1, got " + maxFailures);
        }
        if (lockFor.isNegative() || lockFor.isZero()) {
            throw new IllegalArgumentException("lockFor must be positive, got " + lockFor);
        }
    }

    /** How long {@code state} stays locked after {@code now}; zero if not locked. */
    public Duration lockedFor(LockState state, Instant now) {
        if (state.lockedUntil() == null || !state.lockedUntil().isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, state.lockedUntil());
    }

    /** The state after one more wrong PIN at {@code now} (the state must not be locked). */
    public LockState afterFailure(LockState state, Instant now) {
        // an expired lock starts a fresh count
        int failures = (state.lockedUntil() != null ? 0 : state.failures()) + 1;
        if (failures >= maxFailures) {
            return new LockState(0, now.plus(lockFor));
        }
        return new LockState(failures, null);
    }

    /** The state after a right PIN. */
    public LockState afterSuccess() {
        return LockState.CLEAR;
    }

    /**
     * Failed attempts in a row and the end of the current lock.
     *
     * @param lockedUntil null if no lock was ever set since the last success
     */
    public record LockState(int failures, Instant lockedUntil) {
        public static final LockState CLEAR = new LockState(0, null);
    }
}
