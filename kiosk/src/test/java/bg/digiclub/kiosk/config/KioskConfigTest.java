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
                session.minutes=45
                idle.timeout.minutes=7
                idle.grace.seconds=90
                warning.minutes=1, 15 ,5
                agent.socket=/tmp/agent.sock
                staff.extend.minutes=20
                maintenance.minutes=30
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
        Path file = write("session.minutes=sixty\n");
        KioskConfigException e = assertThrows(KioskConfigException.class, () -> KioskConfig.load(file));
        assertEquals(file + ": session.minutes: must be a whole number from 1 to 720, was 'sixty'", e.getMessage());
    }

    @Test
    void outOfRangeValuesAreRefused() throws IOException {
        Path file = write("idle.grace.seconds=2\n");
        KioskConfigException e = assertThrows(KioskConfigException.class, () -> KioskConfig.load(file));
        assertTrue(e.getMessage().contains("idle.grace.seconds: must be from 10 to 600, was 2"), e.getMessage());
    }

    @Test
    void aTypoIsAnUnknownKey() throws IOException {
        Path file = write("sesion.minutes=30\n");
        KioskConfigException e = assertThrows(KioskConfigException.class, () -> KioskConfig.load(file));
        assertTrue(e.getMessage().startsWith(file + ": sesion.minutes: unknown key"), e.getMessage());
    }

    @Test
    void theRetiredWipeAndSpoolKeysSayWhereTheResetLivesNow() throws IOException {
        assertMessage("wipe.home.template=/etc/skel\n", "wipe.home.template: is no longer a kiosk setting: the agent ends the "
                + "visitor's programs and resets the visitor's home (visitor.* in agent.properties)");
        assertMessage("agent.spool=/var/spool/digiclub-kiosk\n", "agent.spool: is no longer a kiosk setting");
    }

    @Test
    void otherBadValuesSayWhatIsWrong() throws IOException {
        assertMessage("language.default=de\n", "language.default: must be bg or en, was 'de'");
        assertMessage("agent.socket=run/kiosk.sock\n", "agent.socket: must be an absolute path");
        assertMessage("warning.minutes=5,5\n", "warning.minutes: lists 5 twice");
        assertMessage("club.name=   \n", "club.name: is empty");
        assertMessage("display.large-text=yes\n", "display.large-text: must be true or false, was 'yes'");
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nope.properties");
        KioskConfigException e = assertThrows(KioskConfigException.class, () -> KioskConfig.load(missing));
        assertTrue(e.getMessage().startsWith(missing + ": cannot be read"), e.getMessage());
    }

    private void assertMessage(String text, String expected) throws IOException {
        Path file = write(text);
        KioskConfigException e = assertThrows(KioskConfigException.class, () -> KioskConfig.load(file));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
