package bg.digiclub.kiosk.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.common.link.TileCategory;
import bg.digiclub.kiosk.config.ConfigKeyException;

class AllowedAppsTest {
    private static final String CLUB_CONFIG = String.join("\n",
            "club.name=Читалище „Светлина-1860“",
            "app.browser.name=Браузър",
            "app.browser.order=1",
            "app.browser.category=browsing",
            "app.browser.icon=icons/browser.png",
            "app.browser.command.linux=/usr/bin/chromium --incognito",
            "app.browser.command.windows=\"C:\\\\Program Files\\\\Google\\\\Chrome\\\\Application\\\\chrome.exe\" --incognito",
            "app.office.name=Офис пакет",
            "app.office.order=2",
            "app.office.category=writing",
            "app.office.command.linux=/usr/bin/libreoffice",
            "app.egov.name=Е-управление",
            "app.egov.order=3",
            "app.egov.category=e-government",
            "app.egov.command.linux=/usr/bin/chromium --incognito --app=https://egov.bg",
            "app.egov.command.windows=\"C:\\\\Program Files\\\\Google\\\\Chrome\\\\Application\\\\chrome.exe\" --app=https://egov.bg",
            "app.paint.name=Paint",
            "app.paint.category=writing",
            "app.paint.command.windows=mspaint.exe",
            "");

    @TempDir
    Path dir;

    @Test
    void readsTheLinuxAppsInOrderWithCyrillicNames() throws IOException {
        Path file = write(CLUB_CONFIG);
        Files.createDirectories(dir.resolve("icons"));
        Files.write(dir.resolve("icons/browser.png"), new byte[] {1});

        List<AllowedApp> apps = AllowedApps.parse(load(file), file, "linux");

        assertEquals(List.of(
                new AllowedApp("browser", "Браузър", dir.resolve("icons/browser.png"), List.of("/usr/bin/chromium", "--incognito"), TileCategory.BROWSING),
                new AllowedApp("office", "Офис пакет", null, List.of("/usr/bin/libreoffice"), TileCategory.WRITING),
                new AllowedApp("egov", "Е-управление", null, List.of("/usr/bin/chromium", "--incognito", "--app=https://egov.bg"), TileCategory.E_GOVERNMENT)),
                apps);
    }

    @Test
    void picksTheWindowsCommandOnWindows() throws IOException {
        Path file = write(CLUB_CONFIG);

        List<AllowedApp> apps = AllowedApps.parse(load(file), file, "windows");

        assertEquals(List.of("browser", "egov", "paint"), apps.stream().map(AllowedApp::id).toList());
        assertEquals(List.of("C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe", "--incognito"), apps.get(0).command());
    }

    @Test
    void loadReadsUtf8() throws IOException {
        Path file = write(CLUB_CONFIG);
        assertEquals("Браузър", AllowedApps.load(file).get(0).name());
    }

    @Test
    void missingIconShowsTheGenericOne() throws IOException {
        Path file = write(CLUB_CONFIG);
        assertNull(AllowedApps.parse(load(file), file, "linux").get(0).icon());
    }

    @Test
    void errorsNameTheFileAndTheKey() throws IOException {
        assertError("app.browser.command.linux=/usr/bin/chromium", "app.browser.name", "missing or empty");
        assertError("app.browser.name=B\napp.browser.category=browsing\napp.browser.comand.linux=/usr/bin/chromium", "app.browser.comand.linux",
                "unknown setting, expected name, icon, order, category or command.<os>");
        assertError("app.browser.name=B\napp.browser.category=browsing\napp.browser.command.linx=/usr/bin/chromium", "app.browser.command.linx",
                "unknown OS 'linx', expected one of [linux, windows]");
        assertError("app.browser.name=B\napp.browser.category=browsing\napp.browser.order=first\napp.browser.command.linux=/usr/bin/chromium", "app.browser.order",
                "'first' is not a whole number");
        assertError("app.browser.name=B\napp.browser.category=browsing\napp.browser.command.linux=\"/opt/my browser/run", "app.browser.command.linux",
                "unterminated \" quote");
        assertError("app.browser.name=B\napp.browser.category=browsing\napp.browser.command.linux=   ", "app.browser.command.linux", "empty command");
        assertError("app.browser=B", "app.browser", "expected app.<id>.<setting>");
        assertError("app.browser.name=B\napp.browser.command.linux=/usr/bin/chromium", "app.browser.category",
                "missing or empty; expected one of [e-government, health, payments, family, learning, writing, browsing]");
        assertError("app.browser.name=B\napp.browser.category=games\napp.browser.command.linux=/usr/bin/chromium",
                "app.browser.category", "'games' is not a category; expected one of [e-government, health, payments, family, learning, writing, browsing]");
    }

    @Test
    void badIdIsNamed() throws IOException {
        assertError("app.Браузър.name=B\napp.Браузър.category=browsing\napp.Браузър.command.linux=/usr/bin/chromium", "app.Браузър.name",
                "app id 'Браузър' must be lower-case letters, digits, '-' or '_'");
    }

    private void assertError(String config, String key, String problem) throws IOException {
        Path file = write(config);
        ConfigKeyException e = assertThrows(ConfigKeyException.class, () -> AllowedApps.parse(load(file), file, "linux"));
        assertEquals(key, e.key());
        assertEquals(file + ": " + key + ": " + problem, e.getMessage());
    }

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("kiosk.properties"), text, StandardCharsets.UTF_8);
    }

    private static Properties load(Path file) throws IOException {
        Properties props = new Properties();
        props.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        return props;
    }
}
