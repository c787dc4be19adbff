package bg.digiclub.collector.bench;

import java.time.LocalDate;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import bg.digiclub.collector.demo.DemoClubs;
import bg.digiclub.collector.demo.SyntheticBatches;
import bg.digiclub.collector.testing.Http;
import bg.digiclub.common.batch.Batch;
import bg.digiclub.common.batch.StrictJson;

/**
 * Bytes uploaded per device-day: a year of daily usage batches of a busy city PC (busyness 1.0)
 * and of a village PC (0.6), JSON as the agent sends it, gzip-compressed; and, for comparison,
 * a day of health (one batch per 15 minutes while the PC is on, plus the daily summary).
 * Options: {@code --days 365}.
 */
public final class UploadSizeBenchmark {
    private UploadSizeBenchmark() {}

    public static void main(String[] args) throws Exception {
        int days = Integer.parseInt(IntakeBenchmark.option(args, "--days", "365"));
        ObjectMapper json = StrictJson.mapper();
        for (double busyness : new double[] {1.0, 0.6, 3.0}) {
            SyntheticBatches synthetic = new SyntheticBatches(new Random(7), "0.1.0");
            UUID device = UUID.randomUUID();
            long raw = 0;
            long gz = 0;
            long max = 0;
            LocalDate first = LocalDate.parse("2025-01-01");
            for (int d = 0; d < days; d++) {
                Batch batch = synthetic.usage(
                        device, "sz-rodina-1860", DemoClubs.SOFIA, first.plusDays(d), 1, d + 1, busyness);
                byte[] bytes = json.writeValueAsBytes(batch);
                byte[] packed = Http.gzip(bytes);
                raw += bytes.length;
                gz += packed.length;
                max = Math.max(max, packed.length);
            }
            System.out.printf(
                    "usage, busyness %.1f, one batch per day: %.0f bytes JSON, %.0f bytes gzip per device-day "
                            + "(largest day %d bytes gzip)%n",
                    busyness, (double) raw / days, (double) gz / days, max);
        }
        SyntheticBatches synthetic = new SyntheticBatches(new Random(7), "0.1.0");
        UUID device = UUID.randomUUID();
        long gz = 0;
        int batches = 0;
        for (int d = 0; d < 7; d++) {
            // one batch per 15-minute snapshot: the health batches of a weekday the PC is on 9 hours
            Batch day = synthetic.health(
                    device,
                    "sz-rodina-1860",
                    DemoClubs.SOFIA,
                    LocalDate.parse("2025-01-06").plusDays(d),
                    d + 1,
                    96,
                    false);
            for (var snapshot : day.health().snapshots()) {
                Batch single = Batch.health(
                        UUID.randomUUID(),
                        device,
                        day.clubId(),
                        "0.1.0",
                        "Europe/Sofia",
                        snapshot.at(),
                        snapshot.at().plusSeconds(900),
                        ++batches,
                        day.evicted(),
                        new bg.digiclub.common.batch.HealthPayload(java.util.List.of(snapshot), java.util.List.of()));
                gz += Http.gzip(json.writeValueAsBytes(single)).length;
            }
            // the day's summary rides with one of them; counted as its own batch here, an upper bound
            Batch summary = Batch.health(
                    UUID.randomUUID(),
                    device,
                    day.clubId(),
                    "0.1.0",
                    "Europe/Sofia",
                    day.periodFrom(),
                    day.periodTo(),
                    ++batches,
                    day.evicted(),
                    new bg.digiclub.common.batch.HealthPayload(
                            java.util.List.of(), day.health().days()));
            gz += Http.gzip(json.writeValueAsBytes(summary)).length;
        }
        System.out.printf(
                "health, one batch per 15 minutes while on: %.0f bytes gzip per device-day (%d batches in 7 days)%n",
                gz / 7.0, batches);
    }
}
