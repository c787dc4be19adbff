package bg.digiclub.common.batch;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One upload: the envelope and exactly one payload, {@link #usage()} for
 * {@link BatchKind#USAGE} or {@link #health()} for {@link BatchKind#HEALTH}.
 *
 * <p>A batch is sealed once by the agent and never changed afterwards; it is sent until the
 * collector answers 2xx, with {@code Idempotency-Key: <batchId>}. The collector stores it
 * exactly once: the same {@code batchId} with the same bytes gets the stored answer again, with
 * different content it is refused (422).
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param batchId       random UUID chosen when the batch is sealed
 * @param deviceId      the random installation id issued at enrolment (never derived from hardware)
 * @param clubId        the club the device was enrolled to
 * @param agentVersion  the agent's version
 * @param timeZone      IANA zone the agent used for local days ({@code Europe/Sofia})
 * @param periodFrom    start of the period covered, inclusive, a whole minute (UTC)
 * @param periodTo      end of the period covered, exclusive, after {@code periodFrom}, at most
 *                      {@link BatchLimits#MAX_PERIOD} later. Usage hours and days and health
 *                      snapshots lie inside the period; health days may be up to 45 days before it
 * @param sequence      per device, 1 for the first batch sealed and one more for each next one
 *                      (usage and health share the counter), so gaps show lost batches
 * @param evicted       batches dropped from the outbox since the last acknowledged batch
 * @param kind          which payload is present
 * @param usage         present only for {@link BatchKind#USAGE}
 * @param health        present only for {@link BatchKind#HEALTH}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "schemaVersion",
    "batchId",
    "deviceId",
    "clubId",
    "agentVersion",
    "timeZone",
    "periodFrom",
    "periodTo",
    "sequence",
    "evicted",
    "kind",
    "usage",
    "health"
})
public record Batch(
        int schemaVersion,
        UUID batchId,
        UUID deviceId,
        String clubId,
        String agentVersion,
        String timeZone,
        Instant periodFrom,
        Instant periodTo,
        long sequence,
        Evictions evicted,
        BatchKind kind,
        UsagePayload usage,
        HealthPayload health) {

    /** The schema version this code reads and writes. */
    public static final int SCHEMA_VERSION = 1;

    public Batch {
        if (schemaVersion != SCHEMA_VERSION) {
            throw new IllegalArgumentException("schemaVersion must be " + SCHEMA_VERSION + ", was " + schemaVersion);
        }
        Require.present(batchId, "batchId");
        Require.present(deviceId, "deviceId");
        Require.matches(clubId, BatchLimits.CLUB_ID, "clubId");
        Require.matches(agentVersion, BatchLimits.AGENT_VERSION, "agentVersion");
        Require.matches(timeZone, BatchLimits.TIME_ZONE, "timeZone");
        ZoneId zone = zone(timeZone);
        Require.wholeMinute(periodFrom, "periodFrom");
        Require.wholeMinute(periodTo, "periodTo");
        if (!periodTo.isAfter(periodFrom)) {
            throw new IllegalArgumentException("periodTo must be after periodFrom");
        }
        if (Duration.between(periodFrom, periodTo).compareTo(BatchLimits.MAX_PERIOD) > 0) {
            throw new IllegalArgumentException(
                    "the period may cover at most " + BatchLimits.MAX_PERIOD.toDays() + " days");
        }
        Require.range(sequence, 1, Long.MAX_VALUE, "sequence");
        Require.present(evicted, "evicted");
        Require.present(kind, "kind");
        if ((kind == BatchKind.USAGE) != (usage != null)) {
            throw new IllegalArgumentException("usage must be present exactly when kind is USAGE");
        }
        if ((kind == BatchKind.HEALTH) != (health != null)) {
            throw new IllegalArgumentException("health must be present exactly when kind is HEALTH");
        }
        LocalDate firstDay = LocalDate.ofInstant(periodFrom, zone);
        LocalDate lastDay = LocalDate.ofInstant(periodTo.minusSeconds(1), zone);
        if (usage != null) {
            for (HourUsage hour : usage.hours()) {
                requireInPeriod(hour.hour(), periodFrom, periodTo, "usage hour");
            }
            for (DayUsage day : usage.days()) {
                requireDayInPeriod(day.day(), firstDay, lastDay, "usage day");
            }
        }
        if (health != null) {
            for (HealthSnapshot snapshot : health.snapshots()) {
                requireInPeriod(snapshot.at(), periodFrom, periodTo, "health snapshot");
            }
            // a day's health summary is complete only after midnight, so it rides with a later
            // (15-minute) batch: it may lie before the period, but not in the future of it
            for (HealthDay day : health.days()) {
                requireDayInPeriod(
                        day.day(), firstDay.minusDays(BatchLimits.MAX_PERIOD.toDays()), lastDay, "health day");
            }
        }
    }

    /** A usage batch. */
    public static Batch usage(
            UUID batchId,
            UUID deviceId,
            String clubId,
            String agentVersion,
            String timeZone,
            Instant periodFrom,
            Instant periodTo,
            long sequence,
            Evictions evicted,
            UsagePayload usage) {
        return new Batch(
                SCHEMA_VERSION,
                batchId,
                deviceId,
                clubId,
                agentVersion,
                timeZone,
                periodFrom,
                periodTo,
                sequence,
                evicted,
                BatchKind.USAGE,
                usage,
                null);
    }

    /** A health batch. */
    public static Batch health(
            UUID batchId,
            UUID deviceId,
            String clubId,
            String agentVersion,
            String timeZone,
            Instant periodFrom,
            Instant periodTo,
            long sequence,
            Evictions evicted,
            HealthPayload health) {
        return new Batch(
                SCHEMA_VERSION,
                batchId,
                deviceId,
                clubId,
                agentVersion,
                timeZone,
                periodFrom,
                periodTo,
                sequence,
                evicted,
                BatchKind.HEALTH,
                null,
                health);
    }

    private static ZoneId zone(String timeZone) {
        try {
            return ZoneId.of(timeZone);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("timeZone is not a known zone: " + timeZone);
        }
    }

    private static void requireInPeriod(Instant at, Instant from, Instant to, String what) {
        if (at.isBefore(from) || !at.isBefore(to)) {
            throw new IllegalArgumentException(what + " " + at + " is outside the period [" + from + ", " + to + ")");
        }
    }

    private static void requireDayInPeriod(LocalDate day, LocalDate first, LocalDate last, String what) {
        if (day.isBefore(first) || day.isAfter(last)) {
            throw new IllegalArgumentException(
                    what + " " + day + " is outside the period's days " + first + " to " + last);
        }
    }
}
