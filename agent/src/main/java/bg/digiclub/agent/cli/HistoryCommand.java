package bg.digiclub.agent.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import bg.digiclub.agent.config.AgentConfig;
import bg.digiclub.agent.health.check.CheckMetrics;
import bg.digiclub.agent.store.AlertEvent;
import bg.digiclub.agent.store.AlertStore;
import bg.digiclub.agent.store.Database;
import bg.digiclub.agent.store.HistoryPoint;
import bg.digiclub.agent.store.SampleStore;

/** {@code agent history}: one check's values and status changes over the last days, read-only. */
@Command(name = "history", description = "Show a check's measured values and alerts over the last days.")
final class HistoryCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Mixin
    ConfigOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--check",
            required = true,
            paramLabel = "NAME",
            description = "Check name, e.g. disk:/, cpu-temperature, memory, uptime (see agent status).")
    String check;

    @Option(names = "--days", defaultValue = "1", paramLabel = "N", description = "How many days back (default 1).")
    int days;

    @Override
    public Integer call() throws Exception {
        if (days < 1 || days > 400) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--days must be between 1 and 400 (was " + days + ")");
        }
        String metric = CheckMetrics.metricOf(check)
                .orElseThrow(() -> new CommandLine.ParameterException(
                        spec.commandLine(), "unknown check '" + check + "' (see the CHECK column of agent status)"));
        AgentConfig config = options.load(Optional.empty());
        Clock clock = config.clock();
        Instant to = clock.instant();
        Instant from = to.minus(Duration.ofDays(days));
        try (Database db = Stores.openReadOnly(config)) {
            List<HistoryPoint> points = new SampleStore(db, clock).history(metric, from, to);
            List<AlertEvent> events = new AlertStore(db, clock)
                    .during(Duration.ofDays(days)).stream()
                            .filter(e -> e.check().equals(check))
                            .toList();
            ZoneId zone = config.zone();
            System.out.printf("%s (%s), last %d day(s): %d point(s)%n", check, metric, days, points.size());
            System.out.printf("%-16s  %-6s  %12s  %12s  %12s%n", "TIME", "KIND", "MIN", "AVG", "MAX");
            for (HistoryPoint p : points) {
                System.out.printf(
                        "%-16s  %-6s  %12.2f  %12.2f  %12.2f%n",
                        TIME.format(p.at().atZone(zone)),
                        p.resolution().toString().toLowerCase(java.util.Locale.ROOT),
                        p.min(),
                        p.avg(),
                        p.max());
            }
            System.out.printf("%nstatus changes: %d%n", events.size());
            events.forEach(e -> System.out.println(AlertsCommand.line(e, zone)));
        }
        return 0;
    }
}
