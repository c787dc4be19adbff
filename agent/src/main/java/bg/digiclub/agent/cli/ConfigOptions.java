package bg.digiclub.agent.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import picocli.CommandLine.Option;

import bg.digiclub.agent.config.AgentConfig;
import bg.digiclub.agent.config.AgentConfigLoader;
import bg.digiclub.agent.config.CommandLineOverrides;

/** The options every subcommand takes: where the configuration, the data and the logs are. */
final class ConfigOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: embedded defaults).")
    Path configFile;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory (overrides data-dir).")
    Path dataDir;

    @Option(names = "--log-dir", paramLabel = "DIR", description = "Log directory (overrides log-dir).")
    Path logDir;

    AgentConfig load(Optional<Duration> interval) {
        return AgentConfigLoader.load(new CommandLineOverrides(
                Optional.ofNullable(configFile), Optional.ofNullable(dataDir), Optional.ofNullable(logDir), interval));
    }
}
