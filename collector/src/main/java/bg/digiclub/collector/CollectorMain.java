package bg.digiclub.collector;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import bg.digiclub.collector.cli.AuditCommand;
import bg.digiclub.collector.cli.ClubCommand;
import bg.digiclub.collector.cli.CodeCommand;
import bg.digiclub.collector.cli.CollectorVersion;
import bg.digiclub.collector.cli.DemoCommand;
import bg.digiclub.collector.cli.DeviceCommand;
import bg.digiclub.collector.cli.ServeCommand;
import bg.digiclub.collector.cli.TokenCommand;
import bg.digiclub.collector.cli.UserCommand;

/** Entry point of the collector: {@code serve} and the administration commands. */
@Command(
        name = "digiclub-collector",
        mixinStandardHelpOptions = true,
        versionProvider = CollectorVersion.class,
        scope = CommandLine.ScopeType.INHERIT,
        description = "The municipality's server for DigiClub: enrolment, batch intake, dashboard, CSV export.",
        subcommands = {
            ServeCommand.class,
            ClubCommand.class,
            CodeCommand.class,
            UserCommand.class,
            TokenCommand.class,
            DeviceCommand.class,
            DemoCommand.class,
            AuditCommand.class
        })
public final class CollectorMain {
    private CollectorMain() {}

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new CollectorMain());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            command.getErr().println("error: " + e.getMessage());
            return 2;
        });
        int status = cli.execute(args);
        // serve returns when the JVM is shutting down: exiting from there would wait on the shutdown
        // hooks, which are what is running
        if (status != 0 || !servedUntilShutdown(cli)) {
            System.exit(status);
        }
    }

    private static boolean servedUntilShutdown(CommandLine cli) {
        CommandLine.ParseResult parsed = cli.getParseResult();
        return parsed != null
                && parsed.subcommand() != null
                && !parsed.subcommand().isUsageHelpRequested()
                && !parsed.subcommand().isVersionHelpRequested()
                && parsed.subcommand().commandSpec().userObject() instanceof ServeCommand;
    }
}
