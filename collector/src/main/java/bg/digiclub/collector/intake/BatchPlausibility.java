package bg.digiclub.collector.intake;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import bg.digiclub.common.batch.Batch;
import bg.digiclub.common.batch.DayUsage;
import bg.digiclub.common.batch.HealthDay;
import bg.digiclub.common.batch.HourUsage;

/**
 * What a well-formed batch must also be to be believed, beyond the schema's own rules (which the
 * batch's record checks while it is parsed): nothing from before its device was enrolled, and no
 * day with more visitors by age band and sex than sessions started in its hours. Pure: the device's
 * enrolment comes from its token, nothing is read from the database.
 */
final class BatchPlausibility {
    private BatchPlausibility() {}

    /**
     * Refuses a period, or a health day, that lies before the local day (in the batch's zone) of
     * the device's enrolment. The enrolment day itself is allowed (its usage batch starts at local
     * midnight, before the enrolment), and so is a PC clock up to {@code tolerance} behind the
     * collector's, which would otherwise put the enrolment on the day before.
     */
    static void requireAfterEnrolment(Batch batch, Instant enrolledAt, Duration tolerance) throws ApiException {
        ZoneId zone = ZoneId.of(batch.timeZone());
        LocalDate firstDay = LocalDate.ofInstant(enrolledAt.minus(tolerance), zone);
        Instant floor = firstDay.atStartOfDay(zone).toInstant();
        if (batch.periodFrom().isBefore(floor)) {
            throw new ApiException(
                    422,
                    "before-enrolment",
                    "the batch's period starts at " + batch.periodFrom() + ", before the device was enrolled ("
                            + firstDay + "); a PC reports only what happened since");
        }
        if (batch.health() != null) {
            for (HealthDay day : batch.health().days()) {
                if (day.day().isBefore(firstDay)) {
                    throw new ApiException(
                            422,
                            "before-enrolment",
                            "health day " + day.day() + " is before the device was enrolled (" + firstDay + ")");
                }
            }
        }
    }

    /**
     * A usage day comes with its hours: the whole local day lies inside the batch's period, and the
     * sessions its visitors declared (the demographic cells, whose sum is the day's total) are no
     * more than the sessions started in the batch's hours of that day.
     */
    static void requireDaysWithinHours(Batch batch) throws ApiException {
        if (batch.usage() == null || batch.usage().days().isEmpty()) {
            return;
        }
        ZoneId zone = ZoneId.of(batch.timeZone());
        Map<LocalDate, Integer> started = new HashMap<>();
        for (HourUsage hour : batch.usage().hours()) {
            started.merge(LocalDate.ofInstant(hour.hour(), zone), hour.sessionsStarted(), Integer::sum);
        }
        for (DayUsage day : batch.usage().days()) {
            Instant start = day.day().atStartOfDay(zone).toInstant();
            Instant end = day.day().plusDays(1).atStartOfDay(zone).toInstant();
            if (start.isBefore(batch.periodFrom()) || end.isAfter(batch.periodTo())) {
                throw new ApiException(
                        422,
                        "partial-day",
                        "usage day " + day.day() + " is only partly inside the "
                                + "period [" + batch.periodFrom() + ", " + batch.periodTo()
                                + "): a day is sent with all its "
                                + "hours, in the batch's zone " + batch.timeZone());
            }
            int sessions = started.getOrDefault(day.day(), 0);
            if (day.totalSessions() > sessions) {
                throw new ApiException(
                        422,
                        "demographics-exceed-sessions",
                        "usage day " + day.day() + " counts "
                                + day.totalSessions() + " sessions by age band and sex, but its hours started only "
                                + sessions);
            }
        }
    }
}
