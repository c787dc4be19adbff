package bg.digiclub.kiosk.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.common.config.ConfigException;
import bg.digiclub.common.config.ConfigProperties;
import bg.digiclub.common.config.RenamedKeys;
import bg.digiclub.kiosk.i18n.Language;

class KioskConfigTest {
    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path file = dir.resolve("kiosk.properties");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void defaultsMatchTheExampleFile() {
        KioskConfig config = KioskConfig.defaults();
        assertEquals(Duration.ofMinutes(60), config.sessionLength());
        assertEquals(List.of(Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofMinutes(1)), config.warnings());
        assertEquals(Language.BG, config.defaultLanguage());
        assertEquals(Path.of("/run/digiclub/agent.sock"), config.agentSocket());
        assertNull(config.rulesBg());
        assertFalse(config.largeTextDefault(), "a visitor asks for large text on the lock screen");
        assertFalse(config.highContrastDefault());
    }

    @Test
    void theExampleFileIsValid() {
        KioskConfig config = KioskConfig.load(Path.of("config/kiosk.example.properties"));
        assertEquals("Читалище „Родина – 1860“, Стара Загора", config.clubName());
        assertTrue(config.rulesBg().contains("флашка"));
        assertTrue(config.launcherSection().stringPropertyNames().stream()
                .allMatch(k -> k.startsWith("app.") || k.startsWith("launcher.")));
    }

    @Test
    void readsUtf8ValuesAndEveryKey() throws IOException {
        KioskConfig config = KioskConfig.load(write("""
                club.name=Читалище „Пробуда – 1928“, с. Загоре
                rules.bg=Пазете тишина.
                rules.en=Keep quiet.
                session.length-minutes=45
                idle.timeout-minutes=7
                idle.grace-seconds=90
                warning.remaining-minutes=1, 15 ,5
                agent.socket=/tmp/agent.sock
                staff.extend-minutes=20
                maintenance.length-minutes=30
                language.default=EN
                display.large-text=true
                display.high-contrast=true
                app.browser.name=Firefox
                launcher.browser.command.linux=/usr/bin/chromium
                """));
        assertEquals("Читалище „Пробуда – 1928“, с. Загоре", config.clubName());
        assertEquals("Keep quiet.", config.rules(Language.EN));
        assertEquals(Duration.ofMinutes(45), config.sessionLength());
        assertEquals(Duration.ofMinutes(7), config.idleTimeout());
        assertEquals(Duration.ofSeconds(90), config.idleGrace());
        assertEquals(List.of(Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ofMinutes(1)), config.warnings());
        assertEquals(Duration.ofMinutes(20), config.staffExtendStep());
        assertEquals(Duration.ofMinutes(30), config.maintenanceLength());
        assertEquals(Language.EN, config.defaultLanguage());
        assertTrue(config.largeTextDefault());
        assertTrue(config.highContrastDefault());
        assertEquals("Firefox", config.launcherSection().getProperty("app.browser.name"));
        assertEquals("/usr/bin/chromium", config.launcherSection().getProperty("launcher.browser.command.linux"));
    }

    @Test
    void aBadNumberNamesTheFileAndTheKey() throws IOException {
        Path file = write("session.length-minutes=sixty\n");
        ConfigException e = assertThrows(ConfigException.class, () -> KioskConfig.load(file));
        assertEquals(
                file + ": key 'session.length-minutes': must be a whole number from 1 to 720 (was 'sixty')",
                e.getMessage());
    }

    @Test
    void outOfRangeValuesAreRefused() throws IOException {
        Path file = write("idle.grace-seconds=2\n");
        ConfigException e = assertThrows(ConfigException.class, () -> KioskConfig.load(file));
        assertTrue(
                e.getMessage().contains("key 'idle.grace-seconds': must be between 10 and 600 (was '2')"),
                e.getMessage());
    }

    @Test
    void aTypoIsAnUnknownKey() throws IOException {
        Path file = write("sesion.length-minutes=30\n");
        ConfigException e = assertThrows(ConfigException.class, () -> KioskConfig.load(file));
        assertTrue(e.getMessage().startsWith(file + ": key 'sesion.length-minutes': unknown key"), e.getMessage());
    }

    @Test
    void theRetiredWipeAndSpoolKeysSayWhereTheResetLivesNow() throws IOException {
        assertMessage(
                "wipe.home.template=/etc/skel\n",
                "key 'wipe.home.template': is no longer a kiosk setting: the agent ends the "
                        + "visitor's programs and resets the visitor's home (visitor.* in agent.properties)");
        assertMessage("agent.spool=/var/spool/digiclub-kiosk\n", "key 'agent.spool': is no longer a kiosk setting");
    }

    @Test
    void otherBadValuesSayWhatIsWrong() throws IOException {
        assertMessage("language.default=de\n", "key 'language.default': must be bg or en, was 'de'");
        assertMessage("agent.socket=run/kiosk.sock\n", "key 'agent.socket': must be an absolute path");
        assertMessage("warning.remaining-minutes=5,5\n", "key 'warning.remaining-minutes': lists 5 twice");
        assertMessage(
                "warning.remaining-minutes=5,0\n",
                "key 'warning.remaining-minutes': must list whole numbers from 1 to 120");
        assertMessage("club.name=   \n", "key 'club.name': is empty");
        assertMessage("warning.remaining-minutes= , \n", "key 'warning.remaining-minutes': lists no minutes");
        assertMessage("display.large-text=maybe\n", "key 'display.large-text': must be true or false (was 'maybe')");
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nope.properties");
        ConfigException e = assertThrows(ConfigException.class, () -> KioskConfig.load(missing));
        assertTrue(e.getMessage().startsWith(missing + ": configuration file not found"), e.getMessage());
    }

    @Test
    void aBlankListMeansItsDefaultAsInEveryFile() throws IOException {
        assertEquals(
                KioskConfig.defaults().warnings(),
                KioskConfig.load(write("warning.remaining-minutes=\n")).warnings());
    }

    @Test
    void aFileWithTheOldKeyNamesReadsTheSameWithOneWarningPerOldKey() throws IOException {
        Path file = write("""
                session.minutes=45
                idle.timeout.minutes=7
                idle.grace.seconds=90
                warning.minutes=1, 15 ,5
                staff.extend.minutes=20
                maintenance.minutes=30
                """);
        ConfigProperties old = ConfigProperties.load(file, RenamedKeys.KIOSK);
        KioskConfig config = KioskConfig.read(old);
        assertEquals(Duration.ofMinutes(45), config.sessionLength());
        assertEquals(Duration.ofMinutes(7), config.idleTimeout());
        assertEquals(Duration.ofSeconds(90), config.idleGrace());
        assertEquals(List.of(Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ofMinutes(1)), config.warnings());
        assertEquals(Duration.ofMinutes(20), config.staffExtendStep());
        assertEquals(Duration.ofMinutes(30), config.maintenanceLength());
        assertEquals(
                List.of(
                        file
                                + ": key 'session.minutes' is now called 'session.length-minutes'; it is read as before, rename it in the file",
                        file
                                + ": key 'idle.timeout.minutes' is now called 'idle.timeout-minutes'; it is read as before, rename it in the file",
                        file
                                + ": key 'idle.grace.seconds' is now called 'idle.grace-seconds'; it is read as before, rename it in the file",
                        file
                                + ": key 'warning.minutes' is now called 'warning.remaining-minutes'; it is read as before, rename it in the file",
                        file
                                + ": key 'staff.extend.minutes' is now called 'staff.extend-minutes'; it is read as before, rename it in the file",
                        file
                                + ": key 'maintenance.minutes' is now called 'maintenance.length-minutes'; it is read as before, "
                                + "rename it in the file"),
                old.warnings());
        assertEquals(config, KioskConfig.load(file), "load reads old names the same way");
    }

    @Test
    void aBadValueUnderAnOldNameNamesTheOldKey() throws IOException {
        Path file = write("session.minutes=sixty\n");
        ConfigException e = assertThrows(ConfigException.class, () -> KioskConfig.load(file));
        assertEquals(
                file + ": key 'session.minutes': must be a whole number from 1 to 720 (was 'sixty')", e.getMessage());
    }

    @Test
    void theExampleAndTheInstalledFileUseOnlyTheNewNames() throws IOException {
        for (Path file : List.of(
                Path.of("config/kiosk.example.properties"),
                Path.of("../installer/src/main/resources/payload/linux/etc/digiclub/kiosk.properties"))) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            RenamedKeys.KIOSK.forEach(
                    r -> assertFalse(text.contains(r.oldKey() + "="), file + " still says " + r.oldKey()));
        }
    }

    private void assertMessage(String text, String expected) throws IOException {
        Path file = write(text);
        ConfigException e = assertThrows(ConfigException.class, () -> KioskConfig.load(file));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
