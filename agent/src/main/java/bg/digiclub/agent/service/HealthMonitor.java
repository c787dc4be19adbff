package bg.digiclub.agent.service;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.agent.health.HealthRound;
import bg.digiclub.agent.health.HealthSample;
import bg.digiclub.agent.health.StatusChange;
import bg.digiclub.agent.health.check.Evaluation;
import bg.digiclub.agent.health.check.HealthEvaluator;
import bg.digiclub.agent.health.sampling.SampleOutcome;
import bg.digiclub.agent.health.sampling.SamplingWorker;
import bg.digiclub.agent.store.AlertStore;
import bg.digiclub.agent.store.DatabaseOpener;
import bg.digiclub.agent.store.RaisedChecks;
import bg.digiclub.agent.store.SampleStore;
import bg.digiclub.common.health.CheckReport;
import bg.digiclub.common.health.HealthReport;
import bg.digiclub.common.health.HealthStatus;

/**
 * One round of health monitoring: take a sample (watched by the worker's watchdog), store it,
 * evaluate the checks, record every status change as an alert event, publish the report.
 *
 * <p>A sample that fails (timed out, threw) is not evaluated — stale values must not look
 * current. Instead the check {@value #SAMPLING_CHECK} turns WARN with the reason, and the
 * last report is republished with that check added, until a sample succeeds again; that round
 * carries no sample ({@link HealthRound}), so nothing shows its values as current.
 *
 * <p>Checks the agent raises itself, which no sample can clear — a damaged database replaced at
 * start-up ({@link DatabaseOpener#CHECK}), the staff PIN lockout, a failed reset of the
 * visitor's home — are added to every report while their alert is open ({@link RaisedChecks}),
 * so staff see them in the kiosk and {@code agent status}, and the municipality in every health
 * snapshot sent to the collector.
 */
public final class HealthMonitor {
    /** The check that tells whether sampling itself works. */
    public static final String SAMPLING_CHECK = "sampling";

    private static final Logger LOG = LoggerFactory.getLogger(HealthMonitor.class);

    private final SamplingWorker worker;
    private final HealthEvaluator evaluator;
    private final SampleStore samples;
    private final AlertStore alerts;
    private final RaisedChecks raised;
    private final Consumer<HealthRound> publish;
    private HealthReport last;
    private HealthStatus samplingStatus = HealthStatus.OK;
    private Instant samplingSince;

    public HealthMonitor(
            SamplingWorker worker,
            HealthEvaluator evaluator,
            SampleStore samples,
            AlertStore alerts,
            RaisedChecks raised,
            Consumer<HealthRound> publish) {
        this.worker = Objects.requireNonNull(worker, "worker");
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
        this.samples = Objects.requireNonNull(samples, "samples");
        this.alerts = Objects.requireNonNull(alerts, "alerts");
        this.raised = Objects.requireNonNull(raised, "raised");
        this.publish = Objects.requireNonNull(publish, "publish");
    }

    /** Runs one round; returns the report published, if any. Never throws for a bad sample. */
    public synchronized Optional<HealthReport> runOnce() throws SQLException {
        SampleOutcome outcome = worker.sample();
        if (outcome instanceof SampleOutcome.Sampled sampled) {
            return Optional.of(onSample(sampled.sample()));
        }
        SampleOutcome.Failed failed = (SampleOutcome.Failed) outcome;
        LOG.warn("health sample failed ({}): {}", failed.reason(), failed.detail());
        setSampling(HealthStatus.WARN, failed.at(), "sampling failed: " + failed.detail());
        if (last == null) {
            return Optional.empty();
        }
        HealthReport report = raised.addTo(withCheck(
                last,
                new CheckReport(
                        SAMPLING_CHECK, HealthStatus.WARN, "no fresh sample: " + failed.detail(), samplingSince)));
        publish.accept(new HealthRound(report, Optional.empty()));
        return Optional.of(report);
    }

    private HealthReport onSample(HealthSample sample) throws SQLException {
        samples.append(sample);
        setSampling(HealthStatus.OK, sample.at(), "sampling works again");
        Evaluation evaluation = evaluator.evaluate(sample);
        for (StatusChange change : evaluation.changes()) {
            alerts.record(change);
            if (change.to() != HealthStatus.UNKNOWN || change.from() != HealthStatus.UNKNOWN) {
                LOG.info("{}: {} -> {} ({})", change.check(), change.from(), change.to(), change.detail());
            }
        }
        last = evaluation.report();
        HealthReport report = raised.addTo(last);
        publish.accept(new HealthRound(report, Optional.of(sample)));
        return report;
    }

    private void setSampling(HealthStatus status, Instant at, String detail) throws SQLException {
        if (status == samplingStatus) {
            return;
        }
        alerts.record(new StatusChange(SAMPLING_CHECK, samplingStatus, status, at, detail));
        samplingStatus = status;
        samplingSince = at;
    }

    static HealthReport withCheck(HealthReport report, CheckReport check) {
        List<CheckReport> checks = new ArrayList<>(report.checks());
        checks.add(0, check);
        return new HealthReport(report.overall().worst(check.status()), report.sampledAt(), checks);
    }

    /** Publishes to the status file, logging (not throwing) when the disk refuses. */
    public static Consumer<HealthReport> toStatusFile(StatusFile file) {
        return report -> {
            try {
                file.write(report);
            } catch (IOException e) {
                LOG.warn("cannot write {}: {}", StatusFile.FILE_NAME, e.getMessage());
            }
        };
    }
}
