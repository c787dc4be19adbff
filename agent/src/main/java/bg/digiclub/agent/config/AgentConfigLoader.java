package bg.digiclub.agent.config;

import java.nio.file.Path;

import bg.digiclub.common.config.ConfigException;
import bg.digiclub.common.config.ConfigProperties;

/**
 * Reads the agent's configuration file (or the embedded defaults when there is none) and
 * applies command-line overrides. A bad value is a {@link ConfigException} naming the file
 * and key; unknown keys are rejected.
 */
public final class AgentConfigLoader {
    private AgentConfigLoader() {
    }

    /** The data directory when nothing says otherwise: under the user's home, for development. */
    public static Path defaultDataDir() {
        return Path.of(System.getProperty("user.home"), ".digiclub", "agent");
    }

    public static AgentConfig load(CommandLineOverrides overrides) {
        ConfigProperties props = overrides.configFile().map(ConfigProperties::load)
                .orElseGet(() -> ConfigProperties.empty("embedded defaults"));
        AgentConfig config = AgentConfig.read(props, overrides);
        props.rejectUnknownKeys();
        return config;
    }
}
