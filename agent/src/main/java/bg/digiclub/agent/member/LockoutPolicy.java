package bg.digiclub.agent.member;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Every {@code maxFailures} wrong PINs in a row lock the code: the first round for
 * {@code lockFor}, each further round twice as long as the one before, never longer than
 * {@code maxLockFor}. A right PIN (or setting the PIN again) resets the count. Pure arithmetic over
 * {@link LockState}; the stores persist the state, so a restart of the agent neither unlocks nor
 * forgets how many rounds there were.
 *
 * <p>The count of wrong PINs is not reset when a lock ends: that count is what makes the next
 * lock longer. With {@code maxLockFor == lockFor} every round locks for the same time.
 */
public record LockoutPolicy(int maxFailures, Duration lockFor, Duration maxLockFor) {
    /** Member cards: five wrong PINs lock for five minutes, every round the same (issue 3). */
    public static final LockoutPolicy DEFAULT = new LockoutPolicy(5, Duration.ofMinutes(5), Duration.ofMinutes(5));

    /**
     * The staff PIN: five wrong PINs lock for 1 minute, then 2, 4, 8, 16, 32, then an hour per
     * round. A visitor guessing online gets 5 tries an hour once the lock is at its cap (about
     * 120 a day, against a million 6-digit PINs); staff who are locked out lift the lock as root
     * on the PC with {@code agent staff-pin} (see docs/kiosk.md, "Staff PIN and panel").
     */
    public static final LockoutPolicy STAFF = new LockoutPolicy(5, Duration.ofMinutes(1), Duration.ofHours(1));

    public LockoutPolicy {
        Objects.requireNonNull(lockFor, "lockFor");
        Objects.requireNonNull(maxLockFor, "maxLockFor");
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1, got " + maxFailures);
        }
        if (lockFor.isNegative() || lockFor.isZero()) {
            throw new IllegalArgumentException("lockFor must be positive, got " + lockFor);
        }
        if (maxLockFor.compareTo(lockFor) < 0) {
            throw new IllegalArgumentException(
                    "maxLockFor must be at least lockFor (" + lockFor + "), got " + maxLockFor);
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
        int failures = state.failures() == Integer.MAX_VALUE ? state.failures() : state.failures() + 1;
        if (failures % maxFailures == 0) {
            return new LockState(failures, now.plus(lockLength(failures / maxFailures)));
        }
        return new LockState(failures, null);
    }

    /** How long the {@code round}-th lock in a row lasts (1 for the first). */
    public Duration lockLength(int round) {
        if (round < 1) {
            throw new IllegalArgumentException("round must be at least 1, got " + round);
        }
        Duration length = lockFor;
        for (int i = 1; i < round && length.compareTo(maxLockFor) < 0; i++) {
            length = length.multipliedBy(2);
        }
        return length.compareTo(maxLockFor) > 0 ? maxLockFor : length;
    }

    /** How many locks in a row {@code state} has been through (0 before the first). */
    public int rounds(LockState state) {
        return state.failures() / maxFailures;
    }

    /** The state after a right PIN. */
    public LockState afterSuccess() {
        return LockState.CLEAR;
    }

    /**
     * Wrong PINs in a row since the last right one, and the end of the latest lock.
     *
     * @param lockedUntil null unless the latest wrong PIN started a lock
     */
    public record LockState(int failures, Instant lockedUntil) {
        public static final LockState CLEAR = new LockState(0, null);
    }
}
