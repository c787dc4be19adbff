package bg.digiclub.agent.config;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.common.config.ConfigException;
import bg.digiclub.common.config.ConfigProperties;
import bg.digiclub.common.config.RenamedKeys;

/**
 * Reads the agent's configuration file (or the embedded defaults when there is none) and
 * applies command-line overrides. A bad value is a {@link ConfigException} naming the file
 * and key; unknown keys are rejected; a key under an old name ({@link RenamedKeys#AGENT}) is
 * read as before and logged as a warning.
 */
public final class AgentConfigLoader {
    /** How the configuration is named when no file is given. */
    static final String EMBEDDED_DEFAULTS = "embedded defaults";

    private static final Logger LOG = LoggerFactory.getLogger(AgentConfigLoader.class);

    private AgentConfigLoader() {}

    /** The data directory when nothing says otherwise: under the user's home, for development. */
    public static Path defaultDataDir() {
        return Path.of(System.getProperty("user.home"), ".digiclub", "agent");
    }

    public static AgentConfig load(CommandLineOverrides overrides) {
        ConfigProperties props = overrides
                .configFile()
                .map(file -> ConfigProperties.load(file, RenamedKeys.AGENT))
                .orElseGet(() -> ConfigProperties.empty(EMBEDDED_DEFAULTS));
        AgentConfig config = AgentConfig.read(props, overrides);
        props.rejectUnknownKeys();
        props.warnings().forEach(LOG::warn);
        return config;
    }
}
