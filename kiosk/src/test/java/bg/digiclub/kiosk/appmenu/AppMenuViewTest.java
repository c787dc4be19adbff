package bg.digiclub.kiosk.appmenu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.shape.SVGPath;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import bg.digiclub.common.link.TileCategory;
import bg.digiclub.kiosk.config.KioskConfig;
import bg.digiclub.kiosk.demo.DemoPlatform;
import bg.digiclub.kiosk.i18n.I18n;
import bg.digiclub.kiosk.i18n.Language;
import bg.digiclub.kiosk.launcher.AgentAppLauncher;
import bg.digiclub.kiosk.launcher.AllowedApp;
import bg.digiclub.kiosk.launcher.AllowedApps;
import bg.digiclub.kiosk.testing.EventLog;
import bg.digiclub.kiosk.testing.FakeAgentClient;
import bg.digiclub.kiosk.ui.DisplayMode;
import bg.digiclub.kiosk.ui.KioskWindows;
import bg.digiclub.kiosk.ui.Theme;

/** The launcher on screen: grouped tiles, their names in the session's language, keyboard use. */
@ExtendWith(ApplicationExtension.class)
class AppMenuViewTest {
    private static final Path DEFAULT_TILES =
            Path.of("../installer/src/main/resources/payload/linux/etc/digiclub/kiosk.properties");

    @TempDir
    static Path dir;

    private final FakeAgentClient agent = new FakeAgentClient(new EventLog());
    private final I18n i18n = new I18n(Language.BG);
    private final DisplayMode mode = new DisplayMode();
    private AppMenuView menu;

    @Start
    void start(Stage ignored) {
        // each test builds its own menu
    }

    @AfterEach
    void stop() throws TimeoutException {
        FxToolkit.cleanupStages();
    }

    private void show(FxRobot robot, List<AllowedApp> tiles) {
        robot.interact(() -> {
            menu = new AppMenuView(
                    new AppMenuViewModel(new AgentAppLauncher(tiles, agent), Runnable::run, Runnable::run),
                    i18n,
                    new Theme(mode));
            menu.show();
        });
    }

    private static AllowedApp web(String id, String bg, String en, TileCategory category) {
        return new AllowedApp(id, bg, en, null, List.of("/usr/bin/chromium", "https://" + id + ".example"), category);
    }

    @Test
    void groupsStandInCategoryOrderUnderTheirHeadingsOnlyWhenTheyHaveTiles(FxRobot robot) {
        show(
                robot,
                List.of(
                        web("writer", "Писмо", "Letter", TileCategory.WRITING),
                        web("ucha", "Уча.се", "Ucha.se", TileCategory.LEARNING),
                        web("egov", "Електронни услуги", "Government e-services", TileCategory.E_GOVERNMENT),
                        web("wiki", "Уикипедия", "Wikipedia", TileCategory.LEARNING)));

        List<String> headings = robot.lookup(".tile-group-heading").queryAllAs(Label.class).stream()
                .map(Label::getText)
                .toList();
        assertEquals(List.of("Електронно управление", "Учене", "Писане на писмо"), headings);
        assertEquals(
                List.of("app-egov", "app-ucha", "app-wiki", "app-writer"),
                robot.lookup(".tile").queryAll().stream().map(Node::getId).toList(),
                "tiles in the groups' order");
        assertTrue(robot.lookup("#apps-group-health").tryQuery().isEmpty(), "no tile, no group");
    }

    @Test
    void tileNamesAndHeadingsFollowTheLanguage(FxRobot robot) {
        show(robot, List.of(web("egov", "Електронни услуги", "Government e-services", TileCategory.E_GOVERNMENT)));
        Button tile = robot.lookup("#app-egov").queryAs(Button.class);
        Label heading = robot.lookup("#apps-group-e-government").queryAs(Label.class);
        assertEquals("Електронни услуги", tile.getText());
        assertEquals("Електронно управление", heading.getText());

        robot.interact(() -> i18n.use(Language.EN));

        assertEquals("Government e-services", tile.getText());
        assertEquals("Public services online", heading.getText());
    }

    @Test
    void arrowsAndTabMoveBetweenTilesEnterOpensOneAndEscapeCloses(FxRobot robot) {
        show(
                robot,
                List.of(
                        web("egov", "Електронни услуги", "Government e-services", TileCategory.E_GOVERNMENT),
                        web("health", "Здравно досие", "Health record", TileCategory.HEALTH),
                        web("ucha", "Уча.се", "Ucha.se", TileCategory.LEARNING)));
        assertTrue(robot.lookup("#app-egov").query().isFocused(), "the first tile has the focus");

        robot.type(KeyCode.RIGHT);
        assertTrue(robot.lookup("#app-health").query().isFocused(), "right arrow: the next tile");
        robot.type(KeyCode.TAB);
        assertTrue(robot.lookup("#app-ucha").query().isFocused(), "Tab: the next tile");
        robot.type(KeyCode.LEFT);
        assertTrue(robot.lookup("#app-health").query().isFocused(), "left arrow: back");
        robot.type(KeyCode.ENTER);

        assertEquals(List.of(List.of("/usr/bin/chromium", "https://health.example")), agent.launched);
        assertEquals(List.of(TileCategory.HEALTH), agent.launchedCategories, "the agent counts the tile's category");
        assertFalse(menu.stage().isShowing(), "the launcher closes when a tile opens");

        robot.interact(menu::show);
        assertTrue(menu.stage().isShowing());
        robot.type(KeyCode.ESCAPE);
        assertFalse(menu.stage().isShowing(), "Escape closes the launcher");
        assertEquals(1, agent.launched.size(), "and opens nothing");
    }

    @Test
    void aTileThatCannotOpenSaysSoByNameInTheSessionsLanguage(FxRobot robot) {
        show(robot, List.of(web("egov", "Електронни услуги", "Government e-services", TileCategory.E_GOVERNMENT)));
        agent.reachable = false;
        robot.interact(() -> robot.lookup("#app-egov").queryAs(Button.class).fire());
        assertTrue(menu.stage().isShowing(), "back to say why");
        assertTrue(problemText(robot).contains("„Електронни услуги“ не можа да се отвори"), problemText(robot));

        robot.interact(() -> i18n.use(Language.EN));
        assertTrue(problemText(robot).contains("\"Government e-services\" could not be opened"), problemText(robot));
    }

    @Test
    void theDefaultSetNeedsNoScrollingAlsoWhenTheLauncherComesBackToSaySomething(FxRobot robot) {
        Path file = DEFAULT_TILES;
        show(robot, AllowedApps.parse(KioskConfig.load(file).launcherSection(), file, "linux"));
        assertAllTilesInSight(robot);
        agent.reachable = false;

        robot.interact(() -> robot.lookup("#app-health").queryAs(Button.class).fire());

        assertTrue(menu.stage().isShowing(), "back to say why");
        assertAllTilesInSight(robot);

        robot.interact(menu::hide);
        robot.interact(mode::toggleLargeText);
        robot.interact(() -> ((Button) menu.stage().getScene().lookup("#app-health")).fire());
        assertTrue(menu.stage().isShowing(), "back to say why, in large text");
        assertAllTilesInSight(robot);
    }

    /**
     * The demo's message is the longest the launcher says (with the longest name, three lines in Bulgarian large
     * text, in the title's place): the launcher still fits above the session bar with every tile in sight.
     */
    @Test
    void theDemosLongestMessageInLargeTextLeavesEveryTileInSight(FxRobot robot) {
        robot.interact(mode::toggleLargeText);
        robot.interact(() -> {
            menu = new AppMenuView(
                    new AppMenuViewModel(DemoPlatform.launcher(), Runnable::run, Runnable::run), i18n, new Theme(mode));
            menu.show();
        });

        robot.interact(() -> ((Button) menu.stage().getScene().lookup("#app-egov")).fire());

        assertTrue(problemText(robot).contains("Това е демонстрация"), problemText(robot));
        assertAllTilesInSight(robot);
    }

    private void assertAllTilesInSight(FxRobot robot) {
        ScrollPane scroll = robot.lookup(".may-scroll").queryAs(ScrollPane.class);
        double content = scroll.getContent().getLayoutBounds().getHeight();
        assertTrue(
                scroll.getViewportBounds().getHeight() >= content - 0.5,
                "viewport " + scroll.getViewportBounds().getHeight() + " < tiles " + content);
        double bottom = menu.stage().getY() + menu.stage().getHeight();
        double barTop = javafx.stage.Screen.getPrimary().getVisualBounds().getMinY() + KioskWindows.roomAboveBar();
        assertTrue(bottom <= barTop, "above the session bar (top at " + barTop + "): " + bottom);
    }

    private static String problemText(FxRobot robot) {
        return robot.lookup(".problem").queryAs(Label.class).getText();
    }

    @Test
    void aTileShowsTheClubsIconElseItsCategorysOwn(FxRobot robot) throws IOException {
        Path icon = dir.resolve("egov.png");
        ImageIO.write(new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB), "png", icon.toFile());
        Path notAPicture = Files.writeString(dir.resolve("broken.png"), "not a picture");
        show(
                robot,
                List.of(
                        new AllowedApp(
                                "egov",
                                "Услуги",
                                "Services",
                                icon,
                                List.of("/usr/bin/chromium", "https://egov.bg"),
                                TileCategory.E_GOVERNMENT),
                        new AllowedApp(
                                "broken",
                                "Писмо",
                                "Letter",
                                notAPicture,
                                List.of("/usr/bin/libreoffice"),
                                TileCategory.WRITING),
                        web("ucha", "Уча.се", "Ucha.se", TileCategory.LEARNING)));

        assertInstanceOf(
                ImageView.class, robot.lookup("#app-egov").queryAs(Button.class).getGraphic());
        assertEquals(
                CategoryIcon.path(TileCategory.WRITING),
                shape(robot, "#app-broken").getContent(),
                "a broken picture: the category's");
        assertEquals(
                CategoryIcon.path(TileCategory.LEARNING),
                shape(robot, "#app-ucha").getContent());
    }

    private static SVGPath shape(FxRobot robot, String tile) {
        return robot.from(robot.lookup(tile).queryAs(Button.class).getGraphic())
                .lookup(".tile-icon")
                .queryAs(SVGPath.class);
    }

    @Test
    void theNextVisitorsLauncherFollowsTheDisplayModeAndLanguageResetTogether(FxRobot robot) {
        show(robot, List.of(web("video", "Видеоразговор", "Video call", TileCategory.FAMILY)));
        Button tile = robot.lookup("#app-video").queryAs(Button.class);
        double normal = tile.getFont().getSize();
        robot.interact(menu::hide);
        // a visitor who chose English and large text
        robot.interact(() -> i18n.use(Language.EN));
        robot.interact(mode::toggleLargeText);
        robot.interact(menu::show);
        double large = tile.getFont().getSize();
        assertTrue(large > normal * 1.3, large + " vs " + normal);
        robot.interact(menu::hide);

        // the session ends: the club's language and display settings come back at once
        robot.interact(() -> {
            mode.reset();
            i18n.use(Language.BG);
        });
        robot.interact(menu::show);

        assertEquals("Видеоразговор", tile.getText());
        assertEquals(normal, tile.getFont().getSize(), 0.01, "normal text again");
    }

    @Test
    void noTileOfTheDefaultSetBreaksAWordInAnyLanguageOrTextSize(FxRobot robot) {
        Path file = DEFAULT_TILES;
        List<AllowedApp> tiles = AllowedApps.parse(KioskConfig.load(file).launcherSection(), file, "linux");
        show(robot, tiles);
        List<String> broken = new ArrayList<>();
        for (boolean large : List.of(false, true)) {
            for (Language language : Language.values()) {
                // chosen on the lock screen, while the launcher is closed
                robot.interact(menu::hide);
                robot.interact(() -> {
                    if (mode.largeTextProperty().get() != large) {
                        mode.toggleLargeText();
                    }
                    i18n.use(language);
                });
                robot.interact(menu::show);
                for (Button tile : robot.lookup(".tile").queryAllAs(Button.class)) {
                    assertEquals(large ? 30.8 : 22, tile.getFont().getSize(), 0.01, "the text size measured");
                    Text drawn = robot.from(tile).lookup(".text").queryAs(Text.class);
                    for (String word : tile.getText().split(" ")) {
                        Text measured = new Text(word);
                        measured.setFont(tile.getFont());
                        double width = measured.getLayoutBounds().getWidth();
                        if (width > drawn.getWrappingWidth()) {
                            broken.add(language + (large ? " large " : " ") + tile.getId() + ": '" + word + "' " + width
                                    + " > " + drawn.getWrappingWidth() + " at "
                                    + tile.getFont().getSize() + " px");
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), broken);
    }
}
