package bg.digiclub.kiosk.ui;

import java.time.Duration;

/**
 * Formats time left as the session bar shows it: {@code 59:59}, or {@code 1:05:00} over an hour;
 * and says when that text changes next, so that the kiosk wakes only then.
 */
public final class Countdown {
    private Countdown() {}

    public static String format(Duration left) {
        // round up: a fresh 60-minute session shows 60:00 and 0:00 appears only at the very end
        long seconds = left.isNegative() ? 0 : left.plusNanos(999_999_999).getSeconds();
        if (seconds > 3600) {
            return String.format("%d:%02d:%02d", seconds / 3600, seconds % 3600 / 60, seconds % 60);
        }
        return String.format("%d:%02d", seconds / 60, seconds % 60);
    }

    /**
     * How long until {@link #format(Duration) format} shows another second for a countdown now at
     * {@code left}: the rest of the current second (the figure rounds up), or a whole second when
     * {@code left} is a whole number of seconds; zero when nothing is left.
     */
    public static Duration untilChange(Duration left) {
        if (left.isNegative() || left.isZero()) {
            return Duration.ZERO;
        }
        int part = left.getNano();
        return part == 0 ? Duration.ofSeconds(1) : Duration.ofNanos(part);
    }
}
