package bg.digiclub.agent.cli;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import bg.digiclub.common.health.CheckReport;
import bg.digiclub.common.health.HealthReport;

/** Renders a health report as a table a person reads in a terminal. */
final class StatusTable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private StatusTable() {}

    static String render(HealthReport report, String origin, ZoneId zone) {
        StringBuilder out = new StringBuilder();
        out.append("PC health: ").append(report.overall());
        if (report.sampledAt() != null) {
            out.append("   (sampled ")
                    .append(TIME.format(report.sampledAt().atZone(zone)))
                    .append(", ")
                    .append(origin)
                    .append(')');
        }
        out.append('\n');
        List<CheckReport> checks = report.checks();
        int nameWidth = Math.max(
                5, checks.stream().mapToInt(c -> c.name().length()).max().orElse(5));
        String format = "%-" + nameWidth + "s  %-7s  %-36s  %s%n";
        out.append(String.format(format, "CHECK", "STATUS", "VALUE", "SINCE"));
        for (CheckReport c : checks) {
            String since = c.since() == null ? "" : TIME.format(c.since().atZone(zone));
            out.append(String.format(format, c.name(), c.status(), c.value(), since));
        }
        return out.toString();
    }
}
