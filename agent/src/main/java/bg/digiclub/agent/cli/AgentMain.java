package bg.digiclub.agent.cli;

import picocli.CommandLine;

import bg.digiclub.agent.service.UnsafeDirectoryException;
import bg.digiclub.common.config.ConfigException;

/**
 * Entry point of {@code digiclub-agent.jar}. A configuration error is printed as it is (it
 * names the file, the key and what is wrong) and exits with status 2; a data or log directory
 * open to other accounts is named and the agent exits with status 3.
 */
public final class AgentMain {
    private AgentMain() {}

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new AgentCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ConfigException) {
                commandLine.getErr().println("configuration error: " + e.getMessage());
                return 2;
            }
            if (e instanceof UnsafeDirectoryException) {
                commandLine.getErr().println("refusing to start: " + e.getMessage());
                return UnsafeDirectoryException.EXIT_STATUS;
            }
            throw e;
        });
        System.exit(cli.execute(args));
    }
}
