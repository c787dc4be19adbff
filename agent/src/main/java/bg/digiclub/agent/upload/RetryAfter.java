package bg.digiclub.agent.upload;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Parses an HTTP {@code Retry-After} header: delay-seconds or an HTTP date (RFC 9110 10.2.3).
 * A value in the past is zero; an unreadable value is ignored (the backoff decides). A value
 * over {@link #MAX} is cut to it: a misconfigured collector must not silence the PC for a year.
 */
public final class RetryAfter {
    /** The longest wait a {@code Retry-After} can impose. */
    public static final Duration MAX = Duration.ofDays(1);

    private RetryAfter() {}

    public static Optional<Duration> parse(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String v = header.strip();
        Duration d;
        if (v.chars().allMatch(Character::isDigit)) {
            d = v.length() > 9 ? MAX : Duration.ofSeconds(Long.parseLong(v));
        } else {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                d = Duration.between(now, at);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        return Optional.of(d.compareTo(MAX) > 0 ? MAX : d);
    }
}
