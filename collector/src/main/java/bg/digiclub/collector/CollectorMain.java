package bg.digiclub.collector;

import bg.digiclub.collector.cli.ClubCommand;
import bg.digiclub.collector.cli.CodeCommand;
import bg.digiclub.collector.cli.DemoCommand;
import bg.digiclub.collector.cli.DeviceCommand;
import bg.digiclub.collector.cli.ServeCommand;
import bg.digiclub.collector.cli.UserCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the collector: {@code serve} and the administration commands. */
@Command(name = "digiclub-collector", mixinStandardHelpOptions = true, version = "DigiClub collector 0.1.0",
        description = "The municipality's server for DigiClub: enrolment, batch intake, dashboard, CSV export.",
        subcommands = {ServeCommand.class, ClubCommand.class, CodeCommand.class, UserCommand.class,
                DeviceCommand.class, DemoCommand.class})
public final class CollectorMain {
    private CollectorMain() {
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new CollectorMain());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            command.getErr().println("error: " + e.getMessage());
            return 2;
        });
        int status = cli.execute(args);
        if (status != 0 || !isServe(args)) {
            System.exit(status);
        }
    }

    private static boolean isServe(String[] args) {
        for (String arg : args) {
            if (arg.equals("serve")) {
                return true;
            }
        }
        return false;
    }
}
