package bg.digiclub.agent.health.check;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import bg.digiclub.agent.health.HealthSample;
import bg.digiclub.agent.health.StatusChange;
import bg.digiclub.common.health.CheckReport;
import bg.digiclub.common.health.HealthReport;
import bg.digiclub.common.health.HealthStatus;

/**
 * Turns health samples into statuses and status changes. One per agent, fed every sample in
 * time order; all time comes from the samples' {@code at}, never from the wall clock, so a week
 * of samples can be replayed in a test.
 *
 * <p>Rules:
 * <ul>
 *   <li>Every check starts UNKNOWN; its first status is a change from UNKNOWN (so a new agent
 *       records "disk:/ UNKNOWN -> CRIT" for a disk that is already full).</li>
 *   <li>A check whose metric is absent is UNKNOWN, value "not available", and any run towards
 *       a raise starts over.</li>
 *   <li>Overall is the worst of OK/WARN/CRIT among the checks that are not UNKNOWN, and
 *       UNKNOWN only when every check is: a VM without a temperature sensor is still OK.</li>
 *   <li>A disk, SMART or fan check whose metrics disappear (USB disk unplugged, file system
 *       unmounted) is dropped from the report; if it was not UNKNOWN, a change to UNKNOWN
 *       with detail "no longer reported" closes its open alert. If it comes back it starts
 *       again as a new check. A fan seen spinning is not dropped (see {@link FanRule}).</li>
 * </ul>
 * Not safe for concurrent use by itself; {@link #evaluate} is synchronized so a second caller
 * cannot corrupt it, but samples must still arrive in time order.
 */
public final class HealthEvaluator {
    static final String NO_LONGER_REPORTED = "no longer reported (removed, unmounted or unplugged)";

    private final CheckCatalog catalog;
    /** Current checks in report order. */
    private final Map<String, Tracked> checks = new TreeMap<>(CheckNames.DISPLAY_ORDER);

    private HealthStatus overall = HealthStatus.UNKNOWN;
    private Instant lastAt;
    /** The metric names checks were last discovered from; the same names find the same checks. */
    private Set<String> discoveredFrom = Set.of();

    public HealthEvaluator(HealthThresholds thresholds) {
        Objects.requireNonNull(thresholds, "thresholds");
        this.catalog = new CheckCatalog(thresholds);
        for (HealthCheck check : catalog.fixedChecks()) {
            checks.put(check.name(), new Tracked(check));
        }
    }

    /**
     * Evaluates the next sample.
     *
     * @throws IllegalArgumentException if the sample is older than the previous one
     */
    public synchronized Evaluation evaluate(HealthSample sample) {
        Objects.requireNonNull(sample, "sample");
        Instant at = sample.at();
        if (lastAt != null && at.isBefore(lastAt)) {
            throw new IllegalArgumentException("samples must come in time order: sample at " + at
                    + " is older than the previous one at " + lastAt);
        }
        lastAt = at;
        if (!sample.metrics().keySet().equals(discoveredFrom)) {
            addNewChecks(sample);
            discoveredFrom = Set.copyOf(sample.metrics().keySet());
        }

        List<StatusChange> changes = new ArrayList<>();
        List<StatusChange> dropped = new ArrayList<>();
        List<CheckReport> reports = new ArrayList<>();
        for (Iterator<Tracked> it = checks.values().iterator(); it.hasNext(); ) {
            Tracked tracked = it.next();
            if (!tracked.check.present(sample)) {
                if (tracked.status != HealthStatus.UNKNOWN) {
                    dropped.add(new StatusChange(
                            tracked.check.name(), tracked.status, HealthStatus.UNKNOWN, at, NO_LONGER_REPORTED));
                }
                it.remove();
                continue;
            }
            Outcome outcome = tracked.check.evaluate(sample);
            if (outcome.status() != tracked.status) {
                changes.add(
                        new StatusChange(tracked.check.name(), tracked.status, outcome.status(), at, outcome.detail()));
                tracked.status = outcome.status();
                tracked.since = at;
            } else if (tracked.since == null) {
                tracked.since = at; // first sample of a check that starts UNKNOWN
            }
            reports.add(new CheckReport(
                    tracked.check.name(), tracked.status, outcome.value(), tracked.since, outcome.facts()));
        }
        changes.addAll(dropped);

        HealthStatus newOverall = overallOf(reports);
        if (newOverall != overall) {
            changes.add(new StatusChange(StatusChange.OVERALL, overall, newOverall, at, overallDetail(reports)));
            overall = newOverall;
        }
        return new Evaluation(new HealthReport(overall, at, reports), changes);
    }

    private void addNewChecks(HealthSample sample) {
        Discovery found = new Discovery(sample.metrics().keySet());
        for (String mount : found.mounts()) {
            checks.computeIfAbsent(CheckNames.disk(mount), name -> new Tracked(catalog.disk(mount)));
        }
        for (String disk : found.disks()) {
            checks.computeIfAbsent(CheckNames.smart(disk), name -> new Tracked(catalog.smart(disk)));
        }
        for (int fan : found.fans()) {
            checks.computeIfAbsent(CheckNames.fan(fan), name -> new Tracked(catalog.fan(fan)));
        }
    }

    /** Worst of OK/WARN/CRIT among known checks; UNKNOWN only when no check is known. */
    static HealthStatus overallOf(List<CheckReport> reports) {
        HealthStatus worst = null;
        for (CheckReport report : reports) {
            if (report.status() != HealthStatus.UNKNOWN) {
                worst = worst == null ? report.status() : worst.worst(report.status());
            }
        }
        return worst == null ? HealthStatus.UNKNOWN : worst;
    }

    private static String overallDetail(List<CheckReport> reports) {
        List<CheckReport> notOk = reports.stream()
                .filter(r -> r.status() == HealthStatus.WARN || r.status() == HealthStatus.CRIT)
                .sorted(Comparator.comparing(CheckReport::status).reversed())
                .toList();
        if (!notOk.isEmpty()) {
            return notOk.stream()
                    .map(r -> r.name() + " " + r.status() + " (" + r.value() + ")")
                    .collect(Collectors.joining(", "));
        }
        boolean anyKnown = reports.stream().anyMatch(r -> r.status() != HealthStatus.UNKNOWN);
        return anyKnown ? "all checks with a value are OK" : "no check has a value";
    }

    /** A check and the status last reported for it. */
    private static final class Tracked {
        final HealthCheck check;
        HealthStatus status = HealthStatus.UNKNOWN;
        Instant since;

        Tracked(HealthCheck check) {
            this.check = check;
        }
    }
}
