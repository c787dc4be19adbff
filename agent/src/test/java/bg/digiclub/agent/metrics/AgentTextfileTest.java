package bg.digiclub.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.common.config.ConfigException;
import bg.digiclub.common.config.ConfigProperties;

/**
 * The textfile is node_exporter's to read and no one else's: 0640 with the readers' group. Giving a
 * file a group the agent's account is not in needs root (the agent's, CAP_CHOWN): these tests run as
 * root, as CI runs them, and fail without it. {@code daemon} stands for the readers' group: every
 * Debian has it, and the test's account is not in it.
 */
class AgentTextfileTest {
    private static final String READERS = "daemon";

    @TempDir
    Path dir;

    @Test
    void theFileIsReplacedWholeReadableByTheGroupOnlyAndNoTemporaryIsLeft() throws Exception {
        AgentTextfile file = new AgentTextfile(dir, READERS);
        file.write("first\n");
        file.write("second\n");

        assertEquals("second\n", Files.readString(dir.resolve(AgentTextfile.FILE_NAME)));
        assertModeAndGroup(file.file(), "rw-r-----", READERS);
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(file.file()), listing.toList());
        }
    }

    @Test
    void anOlderAgentsWorldReadableFileAndTemporaryAreReplacedNotReused() throws Exception {
        // what the agent before 0640 left: the file 0644 and, after a crash, its temporary 0644
        Path old = Files.writeString(dir.resolve(AgentTextfile.FILE_NAME), "old\n");
        Path oldTmp = Files.writeString(dir.resolve("." + AgentTextfile.FILE_NAME + ".tmp"), "half");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(oldTmp, PosixFilePermissions.fromString("rw-r--r--"));
        Object oldInode = Files.readAttributes(old, PosixFileAttributes.class).fileKey();

        AgentTextfile file = new AgentTextfile(dir, READERS);
        file.write("new\n");

        assertEquals("new\n", Files.readString(file.file()));
        assertModeAndGroup(file.file(), "rw-r-----", READERS);
        // a new inode: a reader that opened the old file keeps the old text, never sees the new one through it
        assertNotEquals(
                oldInode,
                Files.readAttributes(file.file(), PosixFileAttributes.class).fileKey());
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(file.file()), listing.toList());
        }
    }

    @Test
    void withoutTheGroupOnThePcTheFileKeepsTheAgentsGroupAndNoOtherAccountReadsIt() throws Exception {
        String own =
                Files.readAttributes(dir, PosixFileAttributes.class).group().getName();
        AgentTextfile file = new AgentTextfile(dir, "digiclub-no-such-group");
        file.write("text\n");
        file.write("again\n");

        assertEquals("again\n", Files.readString(file.file()));
        assertModeAndGroup(file.file(), "rw-r-----", own);
    }

    @Test
    void theDirectoryIsOffByDefaultAndMustBeAbsolute() {
        assertEquals(
                new MetricsSettings(Optional.empty(), "digiclub-metrics"),
                MetricsSettings.read(ConfigProperties.empty("agent.properties")));
        Properties relative = new Properties();
        relative.setProperty("metrics.textfile-dir", "node-exporter");
        ConfigException e = assertThrows(
                ConfigException.class, () -> MetricsSettings.read(ConfigProperties.of("agent.properties", relative)));
        assertEquals(
                "agent.properties: key 'metrics.textfile-dir': must be an absolute path (was 'node-exporter')",
                e.getMessage());
    }

    @Test
    void theReadersGroupIsDigiclubMetricsUnlessConfiguredAndNeverEmpty() {
        Properties set = new Properties();
        set.setProperty("metrics.textfile-dir", "/var/lib/prometheus/node-exporter");
        MetricsSettings byDefault = MetricsSettings.read(ConfigProperties.of("agent.properties", set));
        assertEquals("digiclub-metrics", byDefault.textfileGroup());

        set.setProperty("metrics.textfile-group", "node-exporter");
        assertEquals(
                "node-exporter",
                MetricsSettings.read(ConfigProperties.of("agent.properties", set))
                        .textfileGroup());

        set.setProperty("metrics.textfile-group", " ");
        ConfigException e = assertThrows(
                ConfigException.class, () -> MetricsSettings.read(ConfigProperties.of("agent.properties", set)));
        assertTrue(e.getMessage().startsWith("agent.properties: key 'metrics.textfile-group': "), e.getMessage());
    }

    private static void assertModeAndGroup(Path file, String mode, String group) throws Exception {
        PosixFileAttributes a = Files.readAttributes(file, PosixFileAttributes.class);
        assertEquals(mode, PosixFilePermissions.toString(a.permissions()), file.toString());
        assertEquals(group, a.group().getName(), file.toString());
    }
}
