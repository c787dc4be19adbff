package bg.digiclub.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

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
        assertEquals(Duration.ofSeconds(10), c.seconds("sampling.interval-seconds", Duration.ofSeconds(30),
                Duration.ofSeconds(1), Duration.ofHours(1)));
        assertEquals("Читалище „Родина – 1860“", c.string("club.name", "x"));
        assertTrue(c.bool("flag", false));
        assertEquals(42, c.integer("missing", 42, 0, 100));
    }

    @Test
    void badValueNamesFileKeyAndProblem() throws Exception {
        ConfigProperties c = write("sampling.interval-seconds=abc\n");
        ConfigException e = assertThrows(ConfigException.class,
                () -> c.integer("sampling.interval-seconds", 30, 1, 3600));
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
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigProperties.load(dir.resolve("nope.properties")));
        assertTrue(e.getMessage().contains("nope.properties") && e.getMessage().contains("not found"), e.getMessage());
    }
}
