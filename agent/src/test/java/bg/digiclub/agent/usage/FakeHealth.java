package bg.digiclub.agent.usage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import bg.digiclub.common.health.CheckReport;
import bg.digiclub.common.health.HealthReport;
import bg.digiclub.common.health.HealthStatus;

/**
 * The health store and checks in memory: sample times, a current report, per-sample values. A
 * fake at the edge: the real store and checks are other engineers' packages.
 */
final class FakeHealth implements HealthSource {
    record Reading(Instant at, Map<String, HealthStatus> statuses, double freeDiskPct, Double cpuTempC) {}

    private final List<Reading> readings = new ArrayList<>();
    private final List<Instant> alerts = new ArrayList<>();
    private HealthReport current;
    private java.time.Clock live;
    private final java.util.TreeMap<Instant, Reading> byTime = new java.util.TreeMap<>();

    /** The agent sampled every {@code interval} from {@code from} to {@code to}, all checks as given. */
    FakeHealth running(
            Instant from,
            Instant to,
            Duration interval,
            Map<String, HealthStatus> statuses,
            double freeDisk,
            Double temp) {
        for (Instant t = from; t.isBefore(to); t = t.plus(interval)) {
            readings.add(new Reading(t, statuses, freeDisk, temp));
        }
        return this;
    }

    FakeHealth alert(Instant at) {
        alerts.add(at);
        return this;
    }

    FakeHealth current(HealthReport report) {
        this.current = report;
        return this;
    }

    FakeHealth currentAt(Instant at, HealthStatus overall, Map<String, HealthStatus> checks) {
        List<CheckReport> list = new ArrayList<>();
        checks.forEach((n, s) -> list.add(new CheckReport(n, s, "value", at)));
        this.current = new HealthReport(overall, at, list);
        return this;
    }

    @Override
    public List<Instant> sampleTimes(Instant from, Instant to) {
        return readings.stream()
                .map(Reading::at)
                .filter(t -> !t.isBefore(from) && t.isBefore(to))
                .toList();
    }

    /** From now on the current report is the latest reading up to {@code clock}'s now, if within 2 minutes. */
    FakeHealth live(java.time.Clock clock) {
        this.live = clock;
        return this;
    }

    @Override
    public Optional<HealthReport> current() {
        if (live == null) {
            return Optional.ofNullable(current);
        }
        Instant now = live.instant();
        if (byTime.size() != readings.size()) {
            readings.forEach(r -> byTime.put(r.at(), r));
        }
        return Optional.ofNullable(byTime.floorEntry(now))
                .map(java.util.Map.Entry::getValue)
                .filter(r -> r.at().isAfter(now.minus(Duration.ofMinutes(2))))
                .map(r -> {
                    List<CheckReport> list = new ArrayList<>();
                    r.statuses().forEach((n, s) -> list.add(new CheckReport(n, s, "value", r.at())));
                    HealthStatus overall = r.statuses().values().stream().reduce(HealthStatus.OK, HealthStatus::worst);
                    return new HealthReport(overall, r.at(), list);
                });
    }

    @Override
    public Map<String, HealthStatus> worstStatus(Instant from, Instant to) {
        Map<String, HealthStatus> worst = new HashMap<>();
        in(from, to).forEach(r -> r.statuses().forEach((n, s) -> worst.merge(n, s, HealthStatus::worst)));
        return worst;
    }

    @Override
    public OptionalDouble minFreeDiskPercent(Instant from, Instant to) {
        return in(from, to).stream().mapToDouble(Reading::freeDiskPct).min();
    }

    @Override
    public OptionalDouble maxCpuTemperatureCelsius(Instant from, Instant to) {
        return in(from, to).stream()
                .filter(r -> r.cpuTempC() != null)
                .mapToDouble(Reading::cpuTempC)
                .max();
    }

    @Override
    public int alertCount(Instant from, Instant to) {
        return (int)
                alerts.stream().filter(t -> !t.isBefore(from) && t.isBefore(to)).count();
    }

    private List<Reading> in(Instant from, Instant to) {
        return readings.stream()
                .filter(r -> !r.at().isBefore(from) && r.at().isBefore(to))
                .toList();
    }
}
