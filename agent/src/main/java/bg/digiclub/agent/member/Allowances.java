package bg.digiclub.agent.member;

import java.time.Duration;
import java.util.Objects;

/**
 * A member's time allowances: at most {@code perSession} in one session and {@code daily} in
 * one calendar day (the agent's time zone), counted over the card's sessions on every PC of the club
 * (the other PCs' as of the last card sync).
 */
public record Allowances(Duration perSession, Duration daily) {
    /** Less than this left today is not worth a session; the login says no time is left. */
    public static final Duration MIN_SESSION = Duration.ofMinutes(1);

    public Allowances {
        Objects.requireNonNull(perSession, "perSession");
        Objects.requireNonNull(daily, "daily");
        if (perSession.compareTo(MIN_SESSION) < 0) {
            throw new IllegalArgumentException(
                    "per-session allowance must be at least " + MIN_SESSION + ", got " + perSession);
        }
        if (daily.compareTo(MIN_SESSION) < 0) {
            throw new IllegalArgumentException("daily allowance must be at least " + MIN_SESSION + ", got " + daily);
        }
    }

    /**
     * The time a session may be granted now, after {@code usedToday}: the smaller of the
     * per-session allowance and what is left of the day's; zero if less than
     * {@link #MIN_SESSION} is left.
     */
    public Duration allowedNow(Duration usedToday) {
        Duration left = daily.minus(usedToday);
        Duration allowed = left.compareTo(perSession) < 0 ? left : perSession;
        return allowed.compareTo(MIN_SESSION) < 0 ? Duration.ZERO : allowed;
    }
}
