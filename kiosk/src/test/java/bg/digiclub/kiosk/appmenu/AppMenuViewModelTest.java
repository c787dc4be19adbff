package bg.digiclub.kiosk.appmenu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import bg.digiclub.common.link.TileCategory;
import bg.digiclub.kiosk.demo.DemoPlatform;
import bg.digiclub.kiosk.i18n.I18n;
import bg.digiclub.kiosk.i18n.Language;
import bg.digiclub.kiosk.i18n.Message;
import bg.digiclub.kiosk.launcher.AllowedApp;
import bg.digiclub.kiosk.launcher.AppLauncher;

class AppMenuViewModelTest {
    private static final AllowedApp BROWSER =
            new AllowedApp("browser", "Firefox", null, List.of("firefox"), TileCategory.BROWSING);

    private static AppLauncher launcher(boolean startsNothing, List<String> started) {
        return new AppLauncher() {
            @Override
            public void launch(AllowedApp app) {
                started.add(app.id());
            }

            @Override
            public boolean startsNothing() {
                return startsNothing;
            }

            @Override
            public List<AllowedApp> apps() {
                return List.of(BROWSER);
            }
        };
    }

    @Test
    void aRealLauncherStartsTheAppAndSaysNothing() {
        List<String> started = new ArrayList<>();
        AppMenuViewModel menu = new AppMenuViewModel(launcher(false, started), Runnable::run, Runnable::run);
        menu.launch(BROWSER);
        assertEquals(List.of("browser"), started);
        assertNull(menu.problemProperty().get());
    }

    @Test
    void inTheDemoAPressSaysThatNothingStarts() {
        AppMenuViewModel menu = new AppMenuViewModel(launcher(true, new ArrayList<>()), Runnable::run, Runnable::run);
        menu.launch(BROWSER);
        assertEquals(
                Message.of("apps.demo", "Firefox"), menu.problemProperty().get().message(Language.BG));
        String bg = new I18n(Language.BG).format(menu.problemProperty().get().message(Language.BG));
        assertTrue(bg.startsWith("Това е демонстрация") && bg.contains("„Firefox“ не се отваря"), bg);
        String en = new I18n(Language.EN).format(menu.problemProperty().get().message(Language.EN));
        assertTrue(en.contains("club's computers"), en);
    }

    @Test
    void tilesAreGroupedInCategoryOrderKeepingTheClubsOrderWithinAGroup() {
        AllowedApp writer = new AllowedApp(
                "writer", "Писмо", "Letter", null, List.of("/usr/bin/libreoffice"), TileCategory.WRITING);
        AllowedApp ucha = new AllowedApp(
                "ucha", "Уча.се", null, List.of("/usr/bin/chromium", "https://ucha.se"), TileCategory.LEARNING);
        AllowedApp egov = new AllowedApp(
                "egov", "Услуги", null, List.of("/usr/bin/chromium", "https://egov.bg"), TileCategory.E_GOVERNMENT);
        AllowedApp wiki = new AllowedApp(
                "wiki",
                "Уикипедия",
                null,
                List.of("/usr/bin/chromium", "https://bg.wikipedia.org"),
                TileCategory.LEARNING);
        AppLauncher launcher = new AppLauncher() {
            @Override
            public void launch(AllowedApp app) {}

            @Override
            public List<AllowedApp> apps() {
                return List.of(writer, ucha, egov, wiki);
            }
        };

        assertEquals(
                List.of(
                        new TileGroup(TileCategory.E_GOVERNMENT, List.of(egov)),
                        new TileGroup(TileCategory.LEARNING, List.of(ucha, wiki)),
                        new TileGroup(TileCategory.WRITING, List.of(writer))),
                new AppMenuViewModel(launcher, Runnable::run, Runnable::run).groups());
    }

    @Test
    void theDemoHasATileInEveryGroup() {
        assertEquals(
                List.of(TileCategory.values()),
                new AppMenuViewModel(DemoPlatform.launcher(), Runnable::run, Runnable::run)
                        .groups().stream().map(TileGroup::category).toList());
    }

    @Test
    void theDemoLauncherSaysItStartsNothing() {
        assertTrue(DemoPlatform.launcher().startsNothing());
        assertFalse(launcher(false, new ArrayList<>()).startsNothing());
    }
}
