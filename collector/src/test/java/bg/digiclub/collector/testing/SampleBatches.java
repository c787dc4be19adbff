package bg.digiclub.collector.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import bg.digiclub.common.batch.Batch;
import bg.digiclub.common.batch.DayUsage;
import bg.digiclub.common.batch.DemographicCount;
import bg.digiclub.common.batch.EnrolmentResponse;
import bg.digiclub.common.batch.Evictions;
import bg.digiclub.common.batch.HourUsage;
import bg.digiclub.common.batch.UsagePayload;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Sex;

/** The one usage batch the HTTP tests send when its content does not matter beyond its counts. */
public final class SampleBatches {
    private SampleBatches() {}

    /**
     * A day of usage at a club's PC, 2026-11-24 in Sofia: {@code sessions} visits started at 10:00
     * (40 minutes of session, the PC on all hour), all declared 55-64, male.
     */
    public static Batch usageDay(EnrolmentResponse device, long sequence, int sessions) {
        return Batch.usage(
                UUID.randomUUID(),
                device.deviceId(),
                device.clubId(),
                "0.1.0",
                "Europe/Sofia",
                Instant.parse("2026-11-23T22:00:00Z"),
                Instant.parse("2026-11-24T22:00:00Z"),
                sequence,
                Evictions.NONE,
                new UsagePayload(
                        List.of(new HourUsage(Instant.parse("2026-11-24T08:00:00Z"), sessions, sessions, 0, 40, 60)),
                        List.of(new DayUsage(
                                LocalDate.parse("2026-11-24"),
                                List.of(new DemographicCount(AgeBand.AGE_55_64, Sex.MALE, sessions)),
                                0,
                                List.of()))));
    }
}
