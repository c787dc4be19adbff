package bg.digiclub.agent.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code digiclub-agent}: the top-level command; every action is a subcommand, and every one of them
 * takes {@code --help} and {@code --version} (inherited from here).
 */
@Command(
        name = "digiclub-agent",
        mixinStandardHelpOptions = true,
        versionProvider = AgentVersion.class,
        scope = CommandLine.ScopeType.INHERIT,
        description = "The DigiClub agent: monitors this club PC's health and keeps its usage records.",
        subcommands = {
            RunCommand.class,
            StatusCommand.class,
            HistoryCommand.class,
            AlertsCommand.class,
            StaffPinCommand.class,
            UnlockPcCommand.class,
            EnrolCommand.class,
            UploadCommand.class
        })
public final class AgentCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(),
                "say what to do: run, status, history, alerts, staff-pin, unlock-pc, enrol or upload");
    }
}
