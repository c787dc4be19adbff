package bg.digiclub.agent.member;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.agent.store.AlertEvent;
import bg.digiclub.agent.store.AlertStore;
import bg.digiclub.common.health.CheckReport;
import bg.digiclub.common.health.HealthReport;

/**
 * Puts the staff lockout into the PC's current health report, as the check
 * {@value StaffPin#ALERT_CHECK}, while its alert event is open (from the first lock until a right
 * PIN or the {@code staff-pin} command). The sampler knows nothing of it, so without this the
 * current report — the health snapshot uploaded every slot, the kiosk's staff panel — would
 * show the PC as fine while someone is guessing the staff PIN; the day's totals have it from
 * the alert events anyway.
 */
public final class StaffPinCheck {
    private static final Logger LOG = LoggerFactory.getLogger(StaffPinCheck.class);

    private final AlertStore alerts;

    public StaffPinCheck(AlertStore alerts) {
        this.alerts = Objects.requireNonNull(alerts, "alerts");
    }

    /**
     * {@code report} with the staff lockout's check added (and the overall status raised to it)
     * while the alert is open; {@code report} itself otherwise. Null stays null (nothing sampled yet).
     */
    public HealthReport addTo(HealthReport report) {
        if (report == null) {
            return null;
        }
        Optional<AlertEvent> open;
        try {
            open = alerts.open().stream().filter(e -> e.check().equals(StaffPin.ALERT_CHECK)).findFirst();
        } catch (SQLException e) {
            LOG.warn("cannot read the staff PIN alert: {}", e.getMessage());
            return report;
        }
        if (open.isEmpty() || report.checks().stream().anyMatch(c -> c.name().equals(StaffPin.ALERT_CHECK))) {
            return report;
        }
        AlertEvent event = open.get();
        List<CheckReport> checks = new ArrayList<>(report.checks());
        checks.add(new CheckReport(StaffPin.ALERT_CHECK, event.status(), event.detail(), event.startedAt()));
        return new HealthReport(report.overall().worst(event.status()), report.sampledAt(), checks);
    }
}
