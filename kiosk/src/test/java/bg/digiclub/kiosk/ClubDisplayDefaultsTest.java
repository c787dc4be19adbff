package bg.digiclub.kiosk;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeoutException;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A club of mostly older visitors sets large text as its default ({@code display.large-text=true}):
 * every visitor starts with it, one who switches it off has it off for their own session only, and
 * the next visitor gets the club's default back.
 */
@ExtendWith(ApplicationExtension.class)
class ClubDisplayDefaultsTest {
    private final KioskUiFixture kiosk = new KioskUiFixture();

    @Start
    void start(Stage ignored) {
        kiosk.settings.setProperty("display.large-text", "true");
        kiosk.start();
    }

    @AfterEach
    void stop(FxRobot robot) throws TimeoutException {
        robot.interact(kiosk.ui::stop);
        FxToolkit.cleanupStages();
    }

    @Test
    void everyVisitorStartsWithTheClubsLargeText(FxRobot robot) {
        assertTrue(
                kiosk.rootStyleClasses().contains("large-text"),
                "the first visitor of the day: " + kiosk.rootStyleClasses());
        assertTrue(KioskUiFixture.selected(robot, "#lock-large-text"), "the switch shows large text is on");
        assertFalse(kiosk.rootStyleClasses().contains("high-contrast"), "high contrast stays at its own default, off");

        robot.clickOn("#lock-large-text");
        assertFalse(kiosk.rootStyleClasses().contains("large-text"), "this visitor prefers normal text");
        KioskUiFixture.startGuestSession(robot);
        assertFalse(
                robot.lookup("#session-bar")
                        .query()
                        .getScene()
                        .getRoot()
                        .getStyleClass()
                        .contains("large-text"),
                "their choice holds through their session");
        KioskUiFixture.endSession(robot);

        assertTrue(kiosk.stage().isShowing(), "the lock screen is back");
        assertTrue(
                kiosk.rootStyleClasses().contains("large-text"),
                "the next visitor starts from the club's default: " + kiosk.rootStyleClasses());
        assertTrue(KioskUiFixture.selected(robot, "#lock-large-text"));
    }
}
