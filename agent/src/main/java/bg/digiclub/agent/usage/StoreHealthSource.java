package bg.digiclub.agent.usage;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;

import bg.digiclub.agent.health.Metric;
import bg.digiclub.agent.health.StatusChange;
import bg.digiclub.agent.store.AlertEvent;
import bg.digiclub.agent.store.AlertStore;
import bg.digiclub.agent.store.HistoryPoint;
import bg.digiclub.agent.store.SampleStore;
import bg.digiclub.common.health.CheckReport;
import bg.digiclub.common.health.HealthReport;
import bg.digiclub.common.health.HealthStatus;

/**
 * {@link HealthSource} over the agent's health store: sample times from the uptime metric's
 * history (raw readings for a week, hourly summaries after that, spread over their hour), disk
 * and temperature extremes from the metrics' history, worst statuses and alert counts from the
 * alert events. The current report comes from the running health monitor.
 */
public final class StoreHealthSource implements HealthSource {
    private final SampleStore samples;
    private final AlertStore alerts;
    private final Supplier<Optional<HealthReport>> current;
    private final Duration sampleInterval;
    private final Clock clock;

    /**
     * @param current        the health monitor's latest report (empty before the first sample)
     * @param sampleInterval the sampling interval, to spread an hourly summary's readings over its hour
     */
    public StoreHealthSource(
            SampleStore samples,
            AlertStore alerts,
            Supplier<Optional<HealthReport>> current,
            Duration sampleInterval,
            Clock clock) {
        this.samples = Objects.requireNonNull(samples, "samples");
        this.alerts = Objects.requireNonNull(alerts, "alerts");
        this.current = Objects.requireNonNull(current, "current");
        this.sampleInterval = Objects.requireNonNull(sampleInterval, "sampleInterval");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<Instant> sampleTimes(Instant from, Instant to) throws SQLException {
        List<Instant> times = new ArrayList<>();
        // uptime is in every sample the sampler takes
        for (HistoryPoint p : samples.history(Metric.UPTIME_S, from, to)) {
            if (p.resolution() == HistoryPoint.Resolution.RAW) {
                add(times, p.at(), from, to);
            } else {
                // An hourly summary only says how many readings there were: spread them over its hour.
                long step = Math.max(1, Math.min(3_600_000 / Math.max(1, p.count()), sampleInterval.toMillis()));
                for (long i = 1; i <= p.count(); i++) {
                    add(times, p.at().plusMillis(i * step), from, to);
                }
            }
        }
        return times;
    }

    @Override
    public Optional<HealthReport> current() {
        return current.get();
    }

    @Override
    public Map<String, HealthStatus> worstStatus(Instant from, Instant to) throws SQLException {
        Map<String, HealthStatus> worst = new HashMap<>();
        // Checks with no event in the period were OK all along; the current report names them.
        current.get().ifPresent(r -> {
            for (CheckReport c : r.checks()) {
                worst.put(c.name(), HealthStatus.OK);
            }
        });
        for (AlertEvent e : events(from, to)) {
            if (!e.check().equals(StatusChange.OVERALL)) {
                worst.merge(e.check(), e.status(), HealthStatus::worst);
            }
        }
        return worst;
    }

    @Override
    public OptionalDouble minFreeDiskPercent(Instant from, Instant to) throws SQLException {
        return samples.historyByPrefix("fs.", from, to).stream()
                .filter(p -> p.metric().endsWith(".free_pct"))
                .mapToDouble(HistoryPoint::min)
                .min();
    }

    @Override
    public OptionalDouble maxCpuTemperatureCelsius(Instant from, Instant to) throws SQLException {
        return samples.history(Metric.CPU_TEMPERATURE_C, from, to).stream()
                .mapToDouble(HistoryPoint::max)
                .max();
    }

    @Override
    public int alertCount(Instant from, Instant to) throws SQLException {
        return (int) events(from, to).stream()
                .filter(e -> !e.check().equals(StatusChange.OVERALL))
                .filter(e -> e.status() == HealthStatus.WARN || e.status() == HealthStatus.CRIT)
                .filter(e -> !e.startedAt().isBefore(from) && e.startedAt().isBefore(to))
                .count();
    }

    /** Events open at some time in [from, to). */
    private List<AlertEvent> events(Instant from, Instant to) throws SQLException {
        Duration back = Duration.between(from, clock.instant());
        if (back.isNegative()) {
            return List.of();
        }
        return alerts.during(back).stream()
                .filter(e -> e.startedAt().isBefore(to)
                        && e.ended().map(end -> end.isAfter(from)).orElse(true))
                .toList();
    }

    private static void add(List<Instant> times, Instant t, Instant from, Instant to) {
        if (!t.isBefore(from) && t.isBefore(to)) {
            times.add(t);
        }
    }
}
