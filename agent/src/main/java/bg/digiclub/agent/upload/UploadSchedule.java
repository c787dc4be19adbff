package bg.digiclub.agent.upload;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * When to send: usage once a day at a random minute inside a local-time window (so a
 * municipality's PCs do not all call at once), health on a fixed slot grid (every 15 minutes at
 * :00, :15, :30, :45).
 */
public final class UploadSchedule {
    private final LocalTime windowStart;
    private final Duration windowLength;
    private final Duration healthInterval;
    private final RandomGenerator random;

    public UploadSchedule(LocalTime windowStart, LocalTime windowEnd, Duration healthInterval, RandomGenerator random) {
        this.windowStart = Objects.requireNonNull(windowStart, "windowStart");
        Duration length = Duration.between(windowStart, windowEnd);
        // A window may wrap past midnight (22:00-02:00).
        this.windowLength = length.isNegative() ? length.plusDays(1) : length;
        if (windowLength.isZero()) {
            throw new IllegalArgumentException("the usage upload window is empty: " + windowStart + "-" + windowEnd);
        }
        this.healthInterval = Objects.requireNonNull(healthInterval, "healthInterval");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A random whole minute in the window of the first day whose window minute is after {@code after}. */
    public Instant nextUsageUpload(Instant after, ZoneId zone) {
        LocalDate day = LocalDate.ofInstant(after, zone).minusDays(1);
        while (true) {
            long minute = random.nextLong(Math.max(1, windowLength.toMinutes()));
            Instant candidate =
                    ZonedDateTime.of(day, windowStart, zone).plusMinutes(minute).toInstant();
            if (candidate.isAfter(after)) {
                return candidate;
            }
            day = day.plusDays(1);
        }
    }

    /** A random whole minute within the hour after {@code now}: usage that missed its window (PC off at night). */
    public Instant catchUpUpload(Instant now) {
        long minutes = Math.min(60, Math.max(1, windowLength.toMinutes()));
        return now.plus(Duration.ofMinutes(1 + random.nextLong(minutes)));
    }

    /** The start of the health slot containing {@code at}. */
    public Instant healthSlot(Instant at) {
        long ms = healthInterval.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), ms) * ms);
    }

    /** The start of the next health slot after {@code at}. */
    public Instant nextHealthSlot(Instant at) {
        return healthSlot(at).plus(healthInterval);
    }

    public Duration healthInterval() {
        return healthInterval;
    }
}
