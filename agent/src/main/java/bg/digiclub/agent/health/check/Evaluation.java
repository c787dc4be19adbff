package bg.digiclub.agent.health.check;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import bg.digiclub.agent.health.StatusChange;
import bg.digiclub.common.health.CheckReport;
import bg.digiclub.common.health.HealthReport;

/**
 * The result of evaluating one sample.
 *
 * @param report  the PC's health as of the sample: overall status and every check
 * @param changes the status changes that happened at this sample, checks in report order,
 *                then dropped checks, then {@code overall} last; empty when nothing changed
 */
public record Evaluation(HealthReport report, List<StatusChange> changes) {
    public Evaluation {
        Objects.requireNonNull(report, "report");
        changes = List.copyOf(changes);
    }

    /** The report of the named check, empty when the PC has no such check now. */
    public Optional<CheckReport> check(String name) {
        return report.checks().stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
