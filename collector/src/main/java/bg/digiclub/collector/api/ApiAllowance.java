package bg.digiclub.collector.api;

import java.time.Clock;
import java.util.Objects;

import bg.digiclub.collector.intake.RateLimiter;

/**
 * How many report requests one read API token may make: {@code burst} at once, then
 * {@code requestsPerSecond} on average. A municipality whose BI tool refreshes many reports at a time
 * sets it in configuration ({@code api.requests-per-second}, {@code api.burst}); the default suits
 * Power BI refreshing every club's report of a year, and keeps one leaked or runaway token from
 * holding the database's readers.
 *
 * @param requestsPerSecond the allowance's refill, more than 0
 * @param burst             requests at once, at least 1
 */
public record ApiAllowance(double requestsPerSecond, int burst) {
    /** One request a second after a burst of 60. */
    public static final ApiAllowance DEFAULT = new ApiAllowance(1, 60);

    public ApiAllowance {
        if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException(
                    "api.requests-per-second must be a positive number, was " + requestsPerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("api.burst must be at least 1, was " + burst);
        }
    }

    /** A limiter per token id with this allowance. */
    RateLimiter limiter(Clock clock) {
        return new RateLimiter(Objects.requireNonNull(clock, "clock"), requestsPerSecond, burst);
    }

    /** The allowance in words, for the 429 problem's detail. */
    String describe() {
        String rate = requestsPerSecond == Math.rint(requestsPerSecond)
                ? Long.toString((long) requestsPerSecond)
                : Double.toString(requestsPerSecond);
        return "at most " + burst + " requests at once and " + rate + " a second after that per token";
    }
}
