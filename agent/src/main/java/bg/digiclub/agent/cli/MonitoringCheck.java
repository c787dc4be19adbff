package bg.digiclub.agent.cli;

import java.util.List;
import java.util.Objects;

import bg.digiclub.common.health.CheckReport;
import bg.digiclub.common.health.HealthReport;
import bg.digiclub.common.health.HealthStatus;

/**
 * {@code status --check}: the PC's health as a monitoring plugin reports it (the convention of
 * Nagios, Icinga and Zabbix agents): one line, and the exit status 0 OK, 1 WARN, 2 CRIT, 3 UNKNOWN.
 *
 * @param line   e.g. {@code DIGICLUB WARN - 1 of 14 checks not OK: disk:/ WARN (92% used)}
 * @param status the exit status
 */
record MonitoringCheck(String line, int status) {
    static final int OK = 0;
    static final int WARN = 1;
    static final int CRIT = 2;
    static final int UNKNOWN = 3;

    MonitoringCheck {
        Objects.requireNonNull(line, "line");
    }

    static MonitoringCheck of(HealthReport report) {
        List<CheckReport> notOk = report.checks().stream().filter(c -> c.status() != HealthStatus.OK).toList();
        StringBuilder line = new StringBuilder("DIGICLUB ").append(report.overall()).append(" - ");
        if (notOk.isEmpty()) {
            line.append("all ").append(report.checks().size()).append(" checks OK");
        } else {
            line.append(notOk.size()).append(" of ").append(report.checks().size()).append(" checks not OK: ");
            for (int i = 0; i < notOk.size(); i++) {
                CheckReport c = notOk.get(i);
                line.append(i == 0 ? "" : "; ").append(c.name()).append(' ').append(c.status())
                        .append(" (").append(c.value()).append(')');
            }
        }
        return new MonitoringCheck(line.toString(), exitStatus(report.overall()));
    }

    /** When there is no report to give (a bad config, an unreadable status). */
    static MonitoringCheck unknown(String why) {
        return new MonitoringCheck("DIGICLUB UNKNOWN - " + why, UNKNOWN);
    }

    private static int exitStatus(HealthStatus overall) {
        return switch (overall) {
            case OK -> OK;
            case WARN -> WARN;
            case CRIT -> CRIT;
            case UNKNOWN -> UNKNOWN;
        };
    }
}
