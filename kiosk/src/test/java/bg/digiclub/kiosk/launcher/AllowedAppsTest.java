package bg.digiclub.kiosk.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.common.config.ConfigException;
import bg.digiclub.common.link.TileCategory;
import bg.digiclub.kiosk.config.KioskConfig;
import bg.digiclub.kiosk.i18n.Language;

class AllowedAppsTest {
    private static final String BROWSER = "launcher.browser.command.linux=/usr/bin/chromium";
    private static final String CLUB_CONFIG = String.join(
            "\n",
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

        assertEquals(
                List.of(
                        new AllowedApp(
                                "browser",
                                "Браузър",
                                dir.resolve("icons/browser.png"),
                                List.of("/usr/bin/chromium", "--incognito"),
                                TileCategory.BROWSING),
                        new AllowedApp(
                                "office", "Офис пакет", null, List.of("/usr/bin/libreoffice"), TileCategory.WRITING),
                        new AllowedApp(
                                "egov",
                                "Е-управление",
                                null,
                                List.of("/usr/bin/chromium", "--incognito", "--app=https://egov.bg"),
                                TileCategory.E_GOVERNMENT)),
                apps);
    }

    @Test
    void picksTheWindowsCommandOnWindows() throws IOException {
        Path file = write(CLUB_CONFIG);

        List<AllowedApp> apps = AllowedApps.parse(load(file), file, "windows");

        assertEquals(
                List.of("browser", "egov", "paint"),
                apps.stream().map(AllowedApp::id).toList());
        assertEquals(
                List.of("C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe", "--incognito"),
                apps.get(0).command());
    }

    @Test
    void loadReadsUtf8() throws IOException {
        Path file = write(CLUB_CONFIG);
        assertEquals("Браузър", AllowedApps.load(file).get(0).name(Language.BG));
    }

    @Test
    void missingIconShowsTheGenericOne() throws IOException {
        Path file = write(CLUB_CONFIG);
        assertNull(AllowedApps.parse(load(file), file, "linux").get(0).icon());
    }

    @Test
    void errorsNameTheFileAndTheKey() throws IOException {
        assertError(
                "app.browser.category=browsing\napp.browser.command.linux=/usr/bin/chromium",
                "app.browser.name",
                "missing or empty; give app.browser.name.bg and app.browser.name.en, or app.browser.name for both languages");
        assertError(
                "app.browser.name=B\napp.browser.category=browsing\napp.browser.comand.linux=/usr/bin/chromium",
                "app.browser.comand.linux",
                "unknown setting, expected name, name.bg, name.en, icon, order, category, url or command.<os>");
        assertError(
                "app.browser.name=B\napp.browser.category=browsing\napp.browser.command.linx=/usr/bin/chromium",
                "app.browser.command.linx",
                "unknown OS 'linx', expected one of [linux, windows]");
        assertError(
                "app.browser.name=B\napp.browser.category=browsing\napp.browser.order=first\napp.browser.command.linux=/usr/bin/chromium",
                "app.browser.order",
                "'first' is not a whole number");
        assertError(
                "app.browser.name=B\napp.browser.category=browsing\napp.browser.command.linux=\"/opt/my browser/run",
                "app.browser.command.linux",
                "unterminated \" quote");
        assertError(
                "app.browser.name=B\napp.browser.category=browsing\napp.browser.command.linux=   ",
                "app.browser.command.linux",
                "empty command");
        assertError("app.browser=B", "app.browser", "expected app.<id>.<setting>");
        assertError(
                "app.browser.name=B\napp.browser.category=browsing",
                "app.browser.url",
                "missing; give the tile a web address (app.browser.url) or a program (app.browser.command.<os>)");
        assertError(
                "app.browser.name=B\napp.browser.command.linux=/usr/bin/chromium",
                "app.browser.category",
                "missing or empty; expected one of [e-government, health, payments, family, learning, writing, browsing]");
        assertError(
                "app.browser.name=B\napp.browser.category=games\napp.browser.command.linux=/usr/bin/chromium",
                "app.browser.category",
                "'games' is not a category; expected one of [e-government, health, payments, family, learning, writing, browsing]");
    }

    @Test
    void badIdIsNamed() throws IOException {
        assertError(
                "app.Браузър.name=B\napp.Браузър.category=browsing\napp.Браузър.command.linux=/usr/bin/chromium",
                "app.Браузър.name",
                "app id 'Браузър' must be lower-case letters, digits, '-' or '_'");
    }

    @Test
    void aTileHasANamePerLanguageOrOneForBoth() throws IOException {
        Path file = write(String.join(
                "\n",
                BROWSER,
                "app.egov.name.bg=Електронни услуги",
                "app.egov.name.en=Government e-services",
                "app.egov.category=e-government",
                "app.egov.url=https://egov.bg",
                "app.writer.name=LibreOffice",
                "app.writer.name.en=LibreOffice Writer",
                "app.writer.category=writing",
                "app.writer.command.linux=/usr/bin/libreoffice --writer"));

        List<AllowedApp> apps = AllowedApps.parse(load(file), file, "linux");

        assertEquals(
                List.of("Електронни услуги", "LibreOffice"),
                apps.stream().map(a -> a.name(Language.BG)).toList());
        assertEquals(
                List.of("Government e-services", "LibreOffice Writer"),
                apps.stream().map(a -> a.name(Language.EN)).toList());
        assertError(
                "app.egov.name.bg=Услуги\napp.egov.category=e-government\napp.egov.url=https://egov.bg\n" + BROWSER,
                "app.egov.name.en",
                "missing or empty; give app.egov.name.bg and app.egov.name.en, or app.egov.name for both languages");
        assertError(
                "app.egov.name=Услуги\napp.egov.name.en=\napp.egov.category=e-government\napp.egov.url=https://egov.bg\n"
                        + BROWSER,
                "app.egov.name.en",
                "empty");
    }

    @Test
    void aWebAddressOpensInTheClubsBrowserAsItsOneLastWord() throws IOException {
        Path file = write(String.join(
                "\n",
                "launcher.browser.command.linux=/usr/bin/chromium --no-first-run",
                "launcher.browser.command.windows=\"C:\\\\Program Files\\\\Google\\\\Chrome\\\\Application\\\\chrome.exe\"",
                "app.health.name=Здравно досие",
                "app.health.category=health",
                "app.health.url=https://his.bg/bg/?a=1&b=2;c"));

        assertEquals(
                List.of("/usr/bin/chromium", "--no-first-run", "https://his.bg/bg/?a=1&b=2;c"),
                AllowedApps.parse(load(file), file, "linux").get(0).command());
        assertEquals(
                List.of("C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe", "https://his.bg/bg/?a=1&b=2;c"),
                AllowedApps.parse(load(file), file, "windows").get(0).command());
    }

    @Test
    void aWebAddressIsHttpOrHttpsAndATileIsAnAddressOrAProgramNeverBoth() throws IOException {
        String tile = BROWSER + "\napp.egov.name=Услуги\napp.egov.category=e-government\n";
        assertError(
                tile + "app.egov.url=file:///etc/shadow",
                "app.egov.url",
                "'file:///etc/shadow' must start with https:// or http://");
        assertError(
                tile + "app.egov.url=javascript:alert(1)",
                "app.egov.url",
                "'javascript:alert(1)' must start with https:// or http://");
        assertError(tile + "app.egov.url=egov.bg", "app.egov.url", "'egov.bg' must start with https:// or http://");
        assertError(tile + "app.egov.url=https:///path", "app.egov.url", "'https:///path' has no host name");
        assertError(
                tile + "app.egov.url=https://egov.bg/a b",
                "app.egov.url",
                "'https://egov.bg/a b' is not a web address: Illegal character in path");
        assertError(
                tile + "app.egov.url=https://egov.bg\napp.egov.command.linux=/usr/bin/chromium",
                "app.egov.url",
                "a tile opens a web address or starts a program, not both; remove app.egov.url or the app.egov.command.* lines");
    }

    @Test
    void aWebAddressNeedsTheClubsBrowserForThisOs() throws IOException {
        String tile = "app.egov.name=Услуги\napp.egov.category=e-government\napp.egov.url=https://egov.bg\n";
        assertError(
                tile + "launcher.browser.command.windows=chrome.exe",
                "launcher.browser.command.linux",
                "missing; app.egov.url is opened with the club's browser, which this key names for this OS");
        assertError(
                tile + "launcher.browser.command.linx=/usr/bin/chromium",
                "launcher.browser.command.linx",
                "unknown setting, expected launcher.browser.command.<os> with <os> one of [linux, windows]");
        assertError(
                tile + "launcher.browser=/usr/bin/chromium",
                "launcher.browser",
                "unknown setting, expected launcher.browser.command.<os> with <os> one of [linux, windows]");
        assertError(tile + "launcher.browser.command.linux=  ", "launcher.browser.command.linux", "empty command");
    }

    @Test
    void theInstallersDefaultTilesAreValidAndFillEveryGroup() {
        Path file = Path.of("../installer/src/main/resources/payload/linux/etc/digiclub/kiosk.properties");

        List<AllowedApp> apps = AllowedApps.parse(KioskConfig.load(file).launcherSection(), file, "linux");

        assertEquals(
                EnumSet.allOf(TileCategory.class),
                apps.stream()
                        .map(AllowedApp::category)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(TileCategory.class))));
        for (AllowedApp app : apps) {
            assertTrue(app.command().get(0).startsWith("/usr/bin/"), app.id() + ": a Debian program");
            assertTrue(
                    !app.name(Language.BG).equals(app.name(Language.EN))
                            && app.name(Language.BG).matches(".*[А-Яа-я].*"),
                    app.id() + ": a name in each language");
        }
        AllowedApp egov = apps.stream()
                .filter(a -> a.category() == TileCategory.E_GOVERNMENT)
                .findFirst()
                .orElseThrow();
        assertEquals(List.of("/usr/bin/chromium", "--no-first-run", "https://egov.bg"), egov.command());
    }

    @Test
    void theExampleFilesTilesAreValid() {
        Path file = Path.of("config/kiosk.example.properties");
        List<AllowedApp> linux = AllowedApps.parse(KioskConfig.load(file).launcherSection(), file, "linux");
        List<AllowedApp> windows = AllowedApps.parse(KioskConfig.load(file).launcherSection(), file, "windows");
        assertEquals(
                List.of("browser", "egov", "health", "writer"),
                linux.stream().map(AllowedApp::id).toList());
        assertEquals(
                linux.stream().map(AllowedApp::id).toList(),
                windows.stream().map(AllowedApp::id).toList());
    }

    private void assertError(String config, String key, String problem) throws IOException {
        Path file = write(config);
        ConfigException e = assertThrows(ConfigException.class, () -> AllowedApps.parse(load(file), file, "linux"));
        assertEquals(Optional.of(key), e.key());
        assertEquals(file + ": key '" + key + "': " + problem, e.getMessage());
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
