package bg.digiclub.kiosk.appmenu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Button;
import javafx.scene.image.ImageView;
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
import bg.digiclub.kiosk.i18n.I18n;
import bg.digiclub.kiosk.i18n.Language;
import bg.digiclub.kiosk.launcher.AllowedApp;
import bg.digiclub.kiosk.launcher.AppLauncher;
import bg.digiclub.kiosk.ui.DisplayMode;
import bg.digiclub.kiosk.ui.Theme;

/** The launcher grows with large text: its words and its icons. */
@ExtendWith(ApplicationExtension.class)
class AppMenuLargeTextTest {
    @TempDir
    static Path icons;

    private final DisplayMode mode = new DisplayMode();
    private AppMenuView menu;

    @Start
    void start(Stage ignored) throws IOException {
        Path icon = icons.resolve("browser.png");
        ImageIO.write(new BufferedImage(128, 128, BufferedImage.TYPE_INT_ARGB), "png", icon.toFile());
        AppLauncher launcher = new AppLauncher() {
            @Override
            public void launch(AllowedApp app) {}

            @Override
            public List<AllowedApp> apps() {
                return List.of(new AllowedApp("browser", "Firefox", icon, List.of("firefox"), TileCategory.BROWSING));
            }
        };
        menu = new AppMenuView(
                new AppMenuViewModel(launcher, Runnable::run, Runnable::run), new I18n(Language.BG), new Theme(mode));
    }

    @AfterEach
    void stop() throws TimeoutException {
        FxToolkit.cleanupStages();
    }

    @Test
    void largeTextMakesTheAppButtonsTextAndIconLarger(FxRobot robot) {
        robot.interact(menu::show);
        Button app = robot.lookup("#app-browser").queryAs(Button.class);
        double font = app.getFont().getSize();
        double icon = ((ImageView) app.getGraphic()).getFitHeight();
        robot.interact(menu::hide);

        robot.interact(mode::toggleLargeText);
        robot.interact(menu::show);

        assertTrue(app.getFont().getSize() > font * 1.3, app.getFont().getSize() + " vs " + font);
        assertTrue(
                ((ImageView) app.getGraphic()).getFitHeight() > icon * 1.3,
                ((ImageView) app.getGraphic()).getFitHeight() + " vs " + icon);
        assertEquals(48, icon, 1.0, "48 px at normal size");
    }
}
