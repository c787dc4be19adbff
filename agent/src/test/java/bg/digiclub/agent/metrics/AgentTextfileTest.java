package bg.digiclub.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.common.config.ConfigException;
import bg.digiclub.common.config.ConfigProperties;

class AgentTextfileTest {
    @TempDir
    Path dir;

    @Test
    void theFileIsReplacedWholeReadableByNodeExporterAndNoTemporaryIsLeft() throws Exception {
        AgentTextfile file = new AgentTextfile(dir);
        file.write("first\n");
        file.write("second\n");

        assertEquals("second\n", Files.readString(dir.resolve(AgentTextfile.FILE_NAME)));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.file())));
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(file.file()), listing.toList());
        }
    }

    @Test
    void theDirectoryIsOffByDefaultAndMustBeAbsolute() {
        assertEquals(MetricsSettings.OFF, MetricsSettings.read(ConfigProperties.empty("agent.properties")));
        Properties relative = new Properties();
        relative.setProperty("metrics.textfile-dir", "node-exporter");
        ConfigException e = assertThrows(
                ConfigException.class, () -> MetricsSettings.read(ConfigProperties.of("agent.properties", relative)));
        assertEquals(
                "agent.properties: key 'metrics.textfile-dir': must be an absolute path (was 'node-exporter')",
                e.getMessage());
    }
}
