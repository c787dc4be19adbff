package bg.digiclub.agent.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.agent.health.HealthSample;
import bg.digiclub.agent.health.Metric;
import bg.digiclub.agent.health.StatusChange;
import bg.digiclub.agent.store.AlertStore;
import bg.digiclub.agent.store.Database;
import bg.digiclub.agent.store.SampleStore;
import bg.digiclub.common.health.CheckReport;
import bg.digiclub.common.health.HealthReport;
import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.testsupport.TestClock;

/** The adapter over the real health store, on a real SQLite file. */
class StoreHealthSourceTest {
    @TempDir
    Path dir;

    @Test
    void readsSampleTimesExtremesWorstStatusesAndAlertsFromTheStore() throws Exception {
        Instant from = Instant.parse("2026-11-23T22:00:00Z");
        Instant to = Instant.parse("2026-11-24T22:00:00Z");
        TestClock clock = new TestClock(from, java.time.ZoneId.of("Europe/Sofia"));
        try (Database db = Database.open(dir.resolve(Database.FILE_NAME))) {
            SampleStore samples = new SampleStore(db, clock);
            AlertStore alerts = new AlertStore(db, clock);
            Instant on = Instant.parse("2026-11-24T07:00:00Z");
            for (int i = 0; i < 120; i++) {
                Instant t = on.plusSeconds(30L * i);
                clock.set(t);
                Map<String, Double> m = new HashMap<>();
                m.put(Metric.UPTIME_S, 600.0 + 30 * i);
                m.put(Metric.fsFreePct("/"), 20.0 - i * 0.1);
                m.put(Metric.CPU_TEMPERATURE_C, 50.0 + (i == 60 ? 30 : 0));
                samples.append(new HealthSample(t, m, List.of(), List.of()));
            }
            clock.set(Instant.parse("2026-11-24T07:20:00Z"));
            alerts.record(new StatusChange("disk:/", HealthStatus.OK, HealthStatus.WARN, clock.instant(), "9 % free"));
            alerts.record(new StatusChange(
                    StatusChange.OVERALL, HealthStatus.OK, HealthStatus.WARN, clock.instant(), "disk"));
            clock.set(Instant.parse("2026-11-24T07:40:00Z"));
            alerts.record(new StatusChange("disk:/", HealthStatus.WARN, HealthStatus.OK, clock.instant(), "12 % free"));
            clock.set(Instant.parse("2026-11-25T03:00:00Z"));
            HealthReport now = new HealthReport(
                    HealthStatus.OK,
                    clock.instant(),
                    List.of(
                            new CheckReport("disk:/", HealthStatus.OK, "12 % free", clock.instant()),
                            new CheckReport("memory", HealthStatus.OK, "40 % used", clock.instant())));
            StoreHealthSource source =
                    new StoreHealthSource(samples, alerts, () -> Optional.of(now), Duration.ofSeconds(30), clock);

            assertEquals(120, source.sampleTimes(from, to).size());
            assertEquals(
                    60,
                    UsageAggregation.runningMinutes(from, to, source.sampleTimes(from, to), Duration.ofSeconds(30)));
            assertEquals(OptionalDouble.of(20.0 - 119 * 0.1), source.minFreeDiskPercent(from, to));
            assertEquals(OptionalDouble.of(80.0), source.maxCpuTemperatureCelsius(from, to));
            assertEquals(Map.of("disk:/", HealthStatus.WARN, "memory", HealthStatus.OK), source.worstStatus(from, to));
            assertEquals(1, source.alertCount(from, to), "the disk's WARN; the overall change is not counted twice");
            assertEquals(0, source.alertCount(to, to.plus(Duration.ofHours(5))));
        }
    }
}
