package bg.digiclub.agent.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Values given on the command line, which win over the configuration file: for development,
 * tests and the quick start.
 */
public record CommandLineOverrides(
        Optional<Path> configFile, Optional<Path> dataDir, Optional<Path> logDir, Optional<Duration> sampleInterval) {
    public static final CommandLineOverrides NONE =
            new CommandLineOverrides(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
}
