package bg.digiclub.agent.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

import bg.digiclub.agent.AgentRuntime;
import bg.digiclub.agent.config.AgentConfig;
import bg.digiclub.agent.store.Database;
import bg.digiclub.common.config.ConfigException;

/** Opens the agent's database read-only for the reporting commands (the service is its only writer). */
final class Stores {
    private Stores() {}

    static Database openReadOnly(AgentConfig config) throws SQLException, IOException {
        AgentRuntime.prepareFiles(config);
        Path file = config.dataDir().resolve(Database.FILE_NAME);
        if (!Files.exists(file)) {
            throw new ConfigException("no agent database at " + file + " (has the agent run with this --data-dir?)");
        }
        return Database.openReadOnly(file);
    }
}
