package bg.digiclub.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigPropertiesTest {
    @TempDir
    Path dir;

    private ConfigProperties write(String text) throws Exception {
        Path f = dir.resolve("agent.properties");
        Files.writeString(f, text);
        return ConfigProperties.load(f);
    }

    @Test
    void readsTypedValuesAndDefaults() throws Exception {
        ConfigProperties c = write("sampling.interval-seconds = 10\nclub.name=Читалище „Родина – 1860“\nflag=yes\n");
        assertEquals(
                Duration.ofSeconds(10),
                c.seconds(
                        "sampling.interval-seconds",
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(1),
                        Duration.ofHours(1)));
        assertEquals("Читалище „Родина – 1860“", c.string("club.name", "x"));
        assertTrue(c.bool("flag", false));
        assertEquals(42, c.integer("missing", 42, 0, 100));
    }

    @Test
    void badValueNamesFileKeyAndProblem() throws Exception {
        ConfigProperties c = write("sampling.interval-seconds=abc\n");
        ConfigException e =
                assertThrows(ConfigException.class, () -> c.integer("sampling.interval-seconds", 30, 1, 3600));
        assertTrue(e.getMessage().contains("agent.properties"), e.getMessage());
        assertTrue(e.getMessage().contains("sampling.interval-seconds"), e.getMessage());
        assertTrue(e.getMessage().contains("whole number"), e.getMessage());
    }

    @Test
    void outOfRangeValueIsRejected() throws Exception {
        ConfigProperties c = write("x=0\n");
        ConfigException e = assertThrows(ConfigException.class, () -> c.integer("x", 30, 1, 3600));
        assertTrue(e.getMessage().contains("between 1 and 3600"), e.getMessage());
    }

    @Test
    void misspeltKeyIsReported() throws Exception {
        ConfigProperties c = write("sampling.intervall-seconds=10\napp.browser.name=B\n");
        c.seconds("sampling.interval-seconds", Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofHours(1));
        c.keysStartingWith("app.");
        ConfigException e = assertThrows(ConfigException.class, c::rejectUnknownKeys);
        assertTrue(e.getMessage().contains("sampling.intervall-seconds"), e.getMessage());
    }

    @Test
    void missingFileIsAClearError() {
        ConfigException e =
                assertThrows(ConfigException.class, () -> ConfigProperties.load(dir.resolve("nope.properties")));
        assertTrue(e.getMessage().contains("nope.properties") && e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void aBlankSingleValueIsAnErrorAndABlankListMeansTheDefault() throws Exception {
        ConfigProperties c = write("club.name =   \nlink.allowed-groups =\n");
        ConfigException e = assertThrows(ConfigException.class, () -> c.string("club.name", "DigiClub"));
        assertEquals(
                dir.resolve("agent.properties") + ": key 'club.name': is empty; remove the line to use the default,"
                        + " or give a value",
                e.getMessage());
        assertEquals(Optional.of("club.name"), e.key());
        assertEquals(List.of(), c.list("link.allowed-groups"));
        assertEquals(
                Optional.empty(), c.optionalList("link.allowed-groups"), "blank is as if absent: the default applies");
        assertTrue(c.isSet("link.allowed-groups"));
        assertFalse(c.isSet("link.allowed-users"));
    }

    @Test
    void anOldKeyStillWorksWithOneWarningNamingFileOldAndNewKey() throws Exception {
        List<RenamedKey> renames = List.of(
                new RenamedKey("idle.timeout.minutes", "idle.timeout-minutes"),
                new RenamedKey("session.minutes", "session.length-minutes"));
        Path f = dir.resolve("kiosk.properties");
        Files.writeString(f, "idle.timeout.minutes = 7\n");
        ConfigProperties c = ConfigProperties.load(f, renames);
        assertEquals(
                Duration.ofMinutes(7),
                c.minutes("idle.timeout-minutes", Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ofHours(4)));
        assertEquals(
                List.of(f + ": key 'idle.timeout.minutes' is now called 'idle.timeout-minutes'; it is read as before,"
                        + " rename it in the file"),
                c.warnings());
        c.rejectUnknownKeys();
    }

    @Test
    void aBadValueUnderAnOldKeyNamesTheKeyAsWritten() throws Exception {
        Path f = dir.resolve("kiosk.properties");
        Files.writeString(f, "session.minutes = sixty\n");
        ConfigProperties c =
                ConfigProperties.load(f, List.of(new RenamedKey("session.minutes", "session.length-minutes")));
        ConfigException e = assertThrows(ConfigException.class, () -> c.integer("session.length-minutes", 60, 1, 720));
        assertTrue(e.getMessage().startsWith(f + ": key 'session.minutes': must be a whole number"), e.getMessage());
    }

    @Test
    void theOldAndTheNewNameTogetherAreAnError() throws Exception {
        Path f = dir.resolve("kiosk.properties");
        Files.writeString(f, "session.minutes = 30\nsession.length-minutes = 45\n");
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> ConfigProperties.load(f, List.of(new RenamedKey("session.minutes", "session.length-minutes"))));
        assertTrue(
                e.getMessage().startsWith(f + ": key 'session.minutes': is the old name of 'session.length-minutes'"),
                e.getMessage());
    }

    @Test
    void aFileWithoutOldKeysHasNoWarnings() throws Exception {
        ConfigProperties c = write("session.length-minutes = 30\n");
        assertFalse(c.warnings().iterator().hasNext());
    }

    @Test
    void theEnvironmentOverridesTheFileAndIsNamedInErrors() throws Exception {
        ConfigProperties c = write("server.port = 8080\ndb.url = jdbc:sqlite:x.db\n")
                .withEnvironment(Map.of(
                        "DIGICLUB_SERVER_PORT",
                        "80a",
                        "DIGICLUB_DB_URL",
                        "jdbc:postgresql://db/digiclub",
                        "PATH",
                        "/usr/bin"));
        assertEquals("jdbc:postgresql://db/digiclub", c.string("db.url", ""));
        ConfigException e = assertThrows(ConfigException.class, () -> c.integer("server.port", 8080, 0, 65535));
        assertEquals(
                "environment variable DIGICLUB_SERVER_PORT: key 'server.port': must be a whole number from 0 to 65535"
                        + " (was '80a')",
                e.getMessage());
        assertEquals("DIGICLUB_DB_PASSWORD_FILE", ConfigProperties.environmentName("db.password-file"));
    }
}
