package bg.digiclub.agent.store;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.agent.health.StatusChange;
import bg.digiclub.common.health.CheckReport;
import bg.digiclub.common.health.HealthReport;
import bg.digiclub.common.health.HealthStatus;

/**
 * Checks the agent raises by its own rules rather than from a health sample: a damaged database
 * moved aside ({@code database}), the staff PIN lockout ({@code staff-pin}) and a failed reset of
 * the visitor's home ({@code visitor-reset}).
 * Each is an alert event while it is not OK, so the day's totals count it, and {@link #addTo}
 * puts the open ones into the current health report — the snapshot uploaded every slot and the
 * kiosk's staff panel — which would otherwise show the PC as fine.
 */
public final class RaisedChecks {
    private static final Logger LOG = LoggerFactory.getLogger(RaisedChecks.class);

    private final AlertStore alerts;
    private final Set<String> names;
    private final Clock clock;

    /** @param names the checks raised this way (plain words: they leave the PC as they are) */
    public RaisedChecks(AlertStore alerts, Set<String> names, Clock clock) {
        this.alerts = Objects.requireNonNull(alerts, "alerts");
        this.names = Set.copyOf(names);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Moves {@code check} to {@code status}. A failure to record it is logged, not thrown: what
     * raised it (a lockout, a failed reset) is already in force and must hold.
     */
    public void raise(String check, HealthStatus status, String detail) {
        if (!names.contains(check)) {
            throw new IllegalArgumentException("not a raised check: " + check);
        }
        try {
            HealthStatus from = status(check);
            if (from != status) {
                alerts.record(new StatusChange(check, from, status, clock.instant(), detail));
            }
        } catch (SQLException e) {
            LOG.warn("cannot record the {} alert ({}): {}", check, detail, e.getMessage());
        }
    }

    /** The check's status now: its open alert event's, else OK. */
    public HealthStatus status(String check) throws SQLException {
        return alerts.open().stream()
                .filter(e -> e.check().equals(check))
                .map(AlertEvent::status)
                .findFirst()
                .orElse(HealthStatus.OK);
    }

    /**
     * {@code report} with every open raised check added (and the overall status raised to the
     * worst); {@code report} itself when none is open. Null stays null (nothing sampled yet).
     */
    public HealthReport addTo(HealthReport report) {
        if (report == null) {
            return null;
        }
        List<AlertEvent> open;
        try {
            open = alerts.open().stream().filter(e -> names.contains(e.check())).toList();
        } catch (SQLException e) {
            LOG.warn("cannot read the raised checks: {}", e.getMessage());
            return report;
        }
        List<CheckReport> checks = new ArrayList<>(report.checks());
        HealthStatus overall = report.overall();
        for (AlertEvent event : open) {
            if (checks.stream().noneMatch(c -> c.name().equals(event.check()))) {
                checks.add(new CheckReport(event.check(), event.status(), event.detail(), event.startedAt()));
                overall = overall.worst(event.status());
            }
        }
        return checks.size() == report.checks().size() ? report : new HealthReport(overall, report.sampledAt(), checks);
    }
}
