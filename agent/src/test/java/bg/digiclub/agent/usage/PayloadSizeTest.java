package bg.digiclub.agent.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.agent.upload.ScanningPrivacyGuard;
import bg.digiclub.agent.upload.SealedBatch;
import bg.digiclub.agent.upload.UploadRig;
import bg.digiclub.common.batch.BatchKind;
import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Sex;
import bg.digiclub.testsupport.TestClock;

/**
 * Bytes uploaded per device-day (issue 4's goal: under 4 KB gzip of usage). A busy club PC:
 * open 08:00-20:00, a session after another all day with every age band and sex, eight checks.
 * Prints the figures for docs/benchmarks.md.
 */
class PayloadSizeTest {
    private static final ZoneId SOFIA = ZoneId.of("Europe/Sofia");

    @TempDir
    Path dir;

    @Test
    void aBusyDeviceDayIsWellUnder4KilobytesOfUsage() throws Exception {
        LocalDate day = LocalDate.of(2026, 11, 24);
        Instant open = ZonedDateTime.of(day.atTime(8, 0), SOFIA).toInstant();
        Instant close = open.plus(Duration.ofHours(12));
        FakeLedger ledger = new FakeLedger();
        Random r = new Random(11);
        int sessions = 0;
        for (Instant t = open.plusSeconds(97); t.isBefore(close); sessions++) {
            int minutes = 15 + r.nextInt(45);
            AgeBand band = AgeBand.values()[r.nextInt(AgeBand.values().length)];
            Sex sex = Sex.values()[r.nextInt(Sex.values().length)];
            if (r.nextBoolean()) {
                ledger.member("ZG-" + (1000 + r.nextInt(40)) + "-M", t, Duration.ofMinutes(minutes), band, sex);
            } else {
                ledger.guest(t, Duration.ofMinutes(minutes), band, sex);
            }
            t = t.plus(Duration.ofMinutes(minutes)).plusSeconds(31 + r.nextInt(240));
        }
        Map<String, HealthStatus> checks = Map.of(
                "disk:/",
                HealthStatus.WARN,
                "disk:/boot/efi",
                HealthStatus.OK,
                "cpu-temperature",
                HealthStatus.OK,
                "memory",
                HealthStatus.OK,
                "swap",
                HealthStatus.OK,
                "battery",
                HealthStatus.UNKNOWN,
                "uptime",
                HealthStatus.OK,
                "smart:/dev/sda",
                HealthStatus.OK);
        TestClock clock = new TestClock(open, SOFIA);
        FakeHealth health =
                new FakeHealth().live(clock).running(open, close, Duration.ofSeconds(30), checks, 9.5, 64.0);
        try (UploadRig rig = new UploadRig(
                dir,
                clock,
                ScanningPrivacyGuard.of(
                        List.of(),
                        ledger.all().stream().map(LedgerSession::startedAt).toList()),
                URI.create("http://localhost:1"))) {
            rig.enrol(URI.create("http://localhost:1"));
            PeriodSealer sealer = new PeriodSealer(
                    rig.db,
                    rig.outbox,
                    rig.enrolment,
                    ledger,
                    health,
                    Duration.ofSeconds(30),
                    Duration.ofMinutes(15),
                    "0.1.0",
                    clock);
            while (clock.instant()
                    .isBefore(ZonedDateTime.of(day.plusDays(1).atTime(0, 20), SOFIA)
                            .toInstant())) {
                sealer.sealDue();
                clock.advance(Duration.ofMinutes(5));
            }
            long usageGzip = 0;
            long usageJson = 0;
            long healthGzip = 0;
            int healthBatches = 0;
            for (SealedBatch b : rig.outbox.all()) {
                if (b.kind() == BatchKind.USAGE) {
                    usageGzip += b.payloadGzip().length;
                    usageJson += b.json().length();
                } else {
                    healthGzip += b.payloadGzip().length;
                    healthBatches++;
                }
            }
            assertEquals(List.of(), rig.scan.violations());
            assertTrue(usageGzip > 0 && usageGzip < 4096, "usage per device-day " + usageGzip + " bytes gzip");
            System.out.printf(
                    "payload per device-day (%d sessions, 12 h open): usage %d bytes gzip (%d JSON); "
                            + "health %d batches, %d bytes gzip in all (%d per batch)%n",
                    sessions, usageGzip, usageJson, healthBatches, healthGzip, healthGzip / Math.max(1, healthBatches));
        }
    }
}
