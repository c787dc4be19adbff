package bg.digiclub.agent.cli;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import bg.digiclub.agent.AgentRuntime;
import bg.digiclub.agent.config.AgentConfig;
import bg.digiclub.agent.health.StatusChange;
import bg.digiclub.agent.store.AlertEvent;
import bg.digiclub.agent.store.AlertStore;
import bg.digiclub.agent.store.Database;
import bg.digiclub.agent.store.DatabaseOpener;
import bg.digiclub.common.health.HealthStatus;

/**
 * {@code agent alerts}: alert events, the ones still open first. Read-only, except
 * {@code --close database}, which staff run once they have looked at a damaged database the
 * agent replaced (no sample can clear that alert).
 */
@Command(name = "alerts", description = "List alert events: open ones, then the most recent.")
final class AlertsCommand implements Callable<Integer> {
    private static final int MAX_LIMIT = 10_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Mixin
    ConfigOptions options;

    @Option(
            names = "--limit",
            defaultValue = "50",
            paramLabel = "N",
            description = "How many recent events (default 50).")
    int limit;

    @Option(
            names = "--close",
            paramLabel = "CHECK",
            description = "Close the open alert of CHECK (only '" + DatabaseOpener.CHECK
                    + "': a damaged database the agent replaced), once it has been looked at.")
    String close;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--limit must be between 1 and " + MAX_LIMIT + " (was " + limit + ")");
        }
        AgentConfig config = options.load(Optional.empty());
        if (close != null) {
            return close(config);
        }
        try (Database db = Stores.openReadOnly(config)) {
            AlertStore alerts = new AlertStore(db, config.clock());
            List<AlertEvent> open = alerts.open();
            List<AlertEvent> recent = alerts.recent(limit);
            ZoneId zone = config.zone();
            System.out.printf("open: %d%n", open.size());
            open.forEach(e -> System.out.println(line(e, zone)));
            System.out.printf("%nrecent: %d%n", recent.size());
            recent.forEach(e -> System.out.println(line(e, zone)));
        }
        return 0;
    }

    private int close(AgentConfig config) throws Exception {
        if (!close.equals(DatabaseOpener.CHECK)) {
            System.err.println("only the '" + DatabaseOpener.CHECK + "' alert is closed by hand; the others clear"
                    + " when their measurement does");
            return 2;
        }
        AgentRuntime.prepareFiles(config);
        Clock clock = config.clock();
        try (Database db = new DatabaseOpener(config.dataDir(), clock).open()) {
            AlertStore alerts = new AlertStore(db, clock);
            Optional<AlertEvent> open = alerts.openFor(close);
            if (open.isEmpty()) {
                System.out.println("no open '" + close + "' alert");
                return 0;
            }
            alerts.record(new StatusChange(
                    close,
                    open.get().status(),
                    HealthStatus.OK,
                    clock.instant(),
                    "closed by hand (agent alerts --close)"));
            System.out.println("closed: " + line(open.get(), config.zone()));
            return 0;
        }
    }

    static String line(AlertEvent e, ZoneId zone) {
        String end = e.ended().map(t -> TIME.format(t.atZone(zone))).orElse("open");
        return String.format(
                "  %-19s  %-19s  %-20s  %-7s  %s",
                TIME.format(e.startedAt().atZone(zone)), end, e.check(), e.status(), e.detail());
    }
}
