package bg.digiclub.kiosk.session;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A session's countdown, kept on a monotonic ticker ({@link System#nanoTime()} in the kiosk, a
 * hand-driven one in tests). Setting the wall clock back or forward changes nothing here, and
 * the countdown cannot freeze: it is computed from the ticker every time it is read.
 */
public final class SessionTimer {
    private final LongSupplier nanoTime;
    private final long startedAt;
    private Duration allowed;

    public SessionTimer(LongSupplier nanoTime, Duration allowed) {
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.allowed = requirePositive(allowed);
        this.startedAt = nanoTime.getAsLong();
    }

    /** Time used so far. */
    public Duration elapsed() {
        // difference of two nanoTime readings: the only arithmetic nanoTime allows
        return Duration.ofNanos(nanoTime.getAsLong() - startedAt);
    }

    /** Time left, never negative. */
    public Duration remaining() {
        Duration left = allowed.minus(elapsed());
        return left.isNegative() ? Duration.ZERO : left;
    }

    public boolean expired() {
        return remaining().isZero();
    }

    /** Follows the agent, whose clock decides: from now on {@code left} remains. */
    public void syncTo(Duration left) {
        Duration wanted = elapsed().plus(left);
        allowed = wanted.isZero() || wanted.isNegative() ? Duration.ofNanos(1) : wanted;
    }

    public Duration allowed() {
        return allowed;
    }

    private static Duration requirePositive(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be positive, was " + duration);
        }
        return duration;
    }
}
