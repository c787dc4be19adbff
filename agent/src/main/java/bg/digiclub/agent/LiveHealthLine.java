package bg.digiclub.agent;

import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.common.health.CheckReport;
import bg.digiclub.common.health.HealthReport;

/** One line per health round in the console and log: the overall status and every check's value. */
final class LiveHealthLine {
    private static final Logger LOG = LoggerFactory.getLogger("health");

    private LiveHealthLine() {
    }

    static String format(HealthReport report) {
        return report.overall() + " | " + report.checks().stream()
                .map(LiveHealthLine::check)
                .collect(Collectors.joining(" | "));
    }

    private static String check(CheckReport c) {
        String flag = switch (c.status()) {
            case OK, UNKNOWN -> "";
            case WARN -> " [WARN]";
            case CRIT -> " [CRIT]";
        };
        return c.name() + " " + c.value() + flag;
    }

    static void log(HealthReport report) {
        LOG.info(format(report));
    }
}
