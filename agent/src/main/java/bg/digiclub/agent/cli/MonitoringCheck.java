package bg.digiclub.agent.cli;

import java.util.List;
import java.util.Objects;

import bg.digiclub.agent.metrics.StatusCode;
import bg.digiclub.common.health.CheckReport;
import bg.digiclub.common.health.HealthReport;
import bg.digiclub.common.health.HealthStatus;

/**
 * {@code status --check}: the PC's health as a monitoring plugin reports it (the convention of
 * Nagios, Icinga and Zabbix agents): one line, and the exit status 0 OK, 1 WARN, 2 CRIT, 3 UNKNOWN.
 *
 * @param line   e.g. {@code DIGICLUB WARN - disk:/ WARN (92% used); not measured: cpu-temperature}
 * @param status the exit status
 */
record MonitoringCheck(String line, int status) {
    MonitoringCheck {
        Objects.requireNonNull(line, "line");
    }

    static MonitoringCheck of(HealthReport report) {
        List<CheckReport> failing = report.checks().stream()
                .filter(c -> c.status() == HealthStatus.WARN || c.status() == HealthStatus.CRIT)
                .toList();
        List<CheckReport> unknown = report.checks().stream()
                .filter(c -> c.status() == HealthStatus.UNKNOWN)
                .toList();
        StringBuilder line =
                new StringBuilder("DIGICLUB ").append(report.overall()).append(" - ");
        if (!failing.isEmpty()) {
            line.append(String.join(
                    "; ",
                    failing.stream()
                            .map(c -> c.name() + " " + c.status() + " (" + c.value() + ")")
                            .toList()));
        } else if (unknown.isEmpty()) {
            line.append("all ").append(report.checks().size()).append(" checks OK");
        } else {
            line.append(report.checks().size() - unknown.size())
                    .append(" of ")
                    .append(report.checks().size())
                    .append(" checks OK, none WARN or CRIT");
        }
        if (!unknown.isEmpty()) {
            // a sensor this PC does not have is not a fault: named, apart from the failing checks
            line.append("; not measured: ")
                    .append(String.join(
                            ", ", unknown.stream().map(CheckReport::name).toList()));
        }
        return new MonitoringCheck(line.toString(), StatusCode.of(report.overall()));
    }

    /** When there is no report to give (a bad config, an unreadable status). */
    static MonitoringCheck unknown(String why) {
        return new MonitoringCheck("DIGICLUB UNKNOWN - " + why, StatusCode.UNKNOWN);
    }
}
