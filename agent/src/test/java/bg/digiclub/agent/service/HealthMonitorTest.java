package bg.digiclub.agent.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.agent.health.HealthRound;
import bg.digiclub.agent.health.HealthSample;
import bg.digiclub.agent.health.Metric;
import bg.digiclub.agent.health.StatusChange;
import bg.digiclub.agent.health.check.HealthEvaluator;
import bg.digiclub.agent.health.check.HealthThresholds;
import bg.digiclub.agent.health.sampling.HealthSampler;
import bg.digiclub.agent.health.sampling.SamplingWorker;
import bg.digiclub.agent.store.AlertEvent;
import bg.digiclub.agent.store.AlertStore;
import bg.digiclub.agent.store.Database;
import bg.digiclub.agent.store.DatabaseOpener;
import bg.digiclub.agent.store.RaisedChecks;
import bg.digiclub.agent.store.SampleStore;
import bg.digiclub.common.health.HealthReport;
import bg.digiclub.common.health.HealthStatus;

class HealthMonitorTest {
    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

    @TempDir
    Path dataDir;

    private final Deque<Object> script = new ArrayDeque<>();
    private final List<HealthReport> published = new ArrayList<>();
    private final List<HealthRound> rounds = new ArrayList<>();
    private Database db;
    private SamplingWorker worker;
    private HealthMonitor monitor;
    private AlertStore alerts;
    private SampleStore samples;

    /** Returns the scripted samples in order; a scripted RuntimeException is thrown instead. */
    private final class ScriptedSampler implements HealthSampler {
        @Override
        public HealthSample sample() {
            Object next = script.removeFirst();
            if (next instanceof RuntimeException e) {
                throw e;
            }
            return (HealthSample) next;
        }
    }

    @BeforeEach
    void open() throws Exception {
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        db = new DatabaseOpener(dataDir, clock).open();
        worker = new SamplingWorker(ScriptedSampler::new, Duration.ofSeconds(30), clock);
        alerts = new AlertStore(db, clock);
        samples = new SampleStore(db, clock);
        StatusFile statusFile = new StatusFile(dataDir);
        monitor = new HealthMonitor(
                worker,
                new HealthEvaluator(HealthThresholds.defaults()),
                samples,
                alerts,
                new RaisedChecks(alerts, Set.of(DatabaseOpener.CHECK), clock),
                round -> {
                    HealthMonitor.toStatusFile(statusFile).accept(round.report());
                    published.add(round.report());
                    rounds.add(round);
                });
    }

    @AfterEach
    void close() throws Exception {
        worker.close();
        db.close();
    }

    private static HealthSample sample(int minute, double rootFreePct) {
        return new HealthSample(
                T0.plus(Duration.ofMinutes(minute)),
                Map.of(
                        Metric.fsFreePct("/"),
                        rootFreePct,
                        Metric.fsTotalBytes("/"),
                        256e9,
                        Metric.MEM_USED_PCT,
                        40.0,
                        Metric.UPTIME_S,
                        3600.0),
                List.of(),
                List.of());
    }

    @Test
    void diskFillingUpRaisesAnAlertEventAndThePublishedStatus() throws Exception {
        script.add(sample(0, 40));
        script.add(sample(1, 4));
        script.add(sample(2, 20));

        assertEquals(HealthStatus.OK, monitor.runOnce().orElseThrow().overall());
        HealthReport full = monitor.runOnce().orElseThrow();
        assertEquals(HealthStatus.CRIT, full.overall());
        List<AlertEvent> open = alerts.open();
        assertTrue(
                open.stream().anyMatch(e -> e.check().equals("disk:/") && e.status() == HealthStatus.CRIT),
                open.toString());
        assertEquals(
                HealthStatus.CRIT,
                new StatusFile(dataDir)
                        .readFresh(T0.plusSeconds(90), Duration.ofMinutes(5))
                        .orElseThrow()
                        .overall(),
                "the status file shows what agent status will print");

        assertEquals(HealthStatus.OK, monitor.runOnce().orElseThrow().overall());
        assertTrue(
                alerts.open().stream().noneMatch(e -> e.check().equals("disk:/")),
                "the event ended when space came back");
        assertEquals(
                3,
                samples.history(Metric.fsFreePct("/"), T0.minusSeconds(1), T0.plusSeconds(600))
                        .size(),
                "every sample is stored");
    }

    @Test
    void failedSampleIsReportedAsSamplingWarningNotAsStaleHealth() throws Exception {
        script.add(sample(0, 40));
        script.add(new IllegalStateException("sensor exploded"));
        script.add(sample(2, 40));

        monitor.runOnce();
        Optional<HealthReport> during = monitor.runOnce();
        assertEquals(HealthStatus.WARN, during.orElseThrow().overall());
        assertEquals("sampling", during.get().checks().get(0).name());
        assertTrue(alerts.open().stream().anyMatch(e -> e.check().equals(HealthMonitor.SAMPLING_CHECK)));

        assertEquals(HealthStatus.OK, monitor.runOnce().orElseThrow().overall());
        assertTrue(alerts.open().stream().noneMatch(e -> e.check().equals(HealthMonitor.SAMPLING_CHECK)));
        assertEquals(3, published.size());
        assertEquals(
                List.of(true, false, true),
                rounds.stream().map(r -> r.sample().isPresent()).toList(),
                "the round whose sample failed republishes the last report without a sample: its values are stale");
    }

    @Test
    void firstSampleFailingPublishesNothing() throws Exception {
        script.add(new IllegalStateException("no sensors yet"));
        assertEquals(Optional.empty(), monitor.runOnce());
        assertTrue(published.isEmpty());
    }

    @Test
    void aReplacedDatabaseIsCritInEveryReportUntilItsAlertIsClosed() throws Exception {
        alerts.record(new StatusChange(
                DatabaseOpener.CHECK,
                HealthStatus.UNKNOWN,
                HealthStatus.CRIT,
                T0,
                "The database was damaged; moved aside"));
        script.add(sample(0, 40));
        script.add(new IllegalStateException("sensor exploded"));
        script.add(sample(2, 40));

        HealthReport first = monitor.runOnce().orElseThrow();
        assertEquals(HealthStatus.CRIT, first.overall(), "what the collector's snapshots and the kiosk show");
        assertTrue(
                first.checks().stream()
                        .anyMatch(c -> c.name().equals(DatabaseOpener.CHECK) && c.status() == HealthStatus.CRIT),
                first.checks().toString());
        assertEquals(HealthStatus.CRIT, monitor.runOnce().orElseThrow().overall(), "also while sampling fails");

        alerts.record(new StatusChange(
                DatabaseOpener.CHECK, HealthStatus.CRIT, HealthStatus.OK, T0.plusSeconds(60), "closed by hand"));
        HealthReport after = monitor.runOnce().orElseThrow();
        assertEquals(HealthStatus.OK, after.overall());
        assertTrue(after.checks().stream().noneMatch(c -> c.name().equals(DatabaseOpener.CHECK)));
    }
}
