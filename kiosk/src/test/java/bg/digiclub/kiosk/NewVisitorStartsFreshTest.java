package bg.digiclub.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * What one visitor chose or left behind on the screen is gone for the next: large text and high
 * contrast go back to the club's defaults (as the language does), and every form opens at its top.
 */
@ExtendWith(ApplicationExtension.class)
class NewVisitorStartsFreshTest {
    private final KioskUiFixture kiosk = new KioskUiFixture();

    @Start
    void start(Stage ignored) {
        kiosk.start();
    }

    @AfterEach
    void stop(FxRobot robot) throws TimeoutException {
        robot.interact(kiosk.ui::stop);
        FxToolkit.cleanupStages();
    }

    @Test
    void largeTextAndHighContrastAreOffAgainForTheNextVisitor(FxRobot robot) {
        robot.clickOn("#lock-large-text");
        robot.clickOn("#lock-high-contrast");
        assertTrue(
                kiosk.rootStyleClasses().containsAll(List.of("large-text", "high-contrast")),
                kiosk.rootStyleClasses().toString());

        KioskUiFixture.startGuestSession(robot);
        assertTrue(
                robot.lookup("#session-bar")
                        .query()
                        .getScene()
                        .getRoot()
                        .getStyleClass()
                        .contains("large-text"),
                "the visitor's choice holds through their session");
        KioskUiFixture.endSession(robot);

        assertTrue(kiosk.stage().isShowing(), "the lock screen is back");
        assertFalse(
                kiosk.rootStyleClasses().contains("large-text"),
                kiosk.rootStyleClasses().toString());
        assertFalse(
                kiosk.rootStyleClasses().contains("high-contrast"),
                kiosk.rootStyleClasses().toString());
        assertFalse(KioskUiFixture.selected(robot, "#lock-large-text"), "the switch shows the mode is off");
        assertFalse(KioskUiFixture.selected(robot, "#lock-high-contrast"), "the switch shows the mode is off");
    }

    @Test
    void theGuestFormOpensAtItsTopWhereverTheLastVisitorLeftIt(FxRobot robot) {
        robot.clickOn("#lock-large-text");
        robot.clickOn("#lock-guest");
        List<ScrollPane> scrolls = robot.lookup("#guest-screen .scroll-pane").queryAllAs(ScrollPane.class).stream()
                .toList();
        assertFalse(scrolls.isEmpty());
        robot.interact(() -> scrolls.forEach(scroll -> scroll.setVvalue(scroll.getVmax())));
        robot.clickOn("#guest-back");

        robot.clickOn("#lock-guest");
        for (ScrollPane scroll : scrolls) {
            assertEquals(scroll.getVmin(), scroll.getVvalue(), 0.0, "opens at the top: " + scroll.getId());
        }
    }

    @Test
    void theMemberFormOpensAtItsTop(FxRobot robot) {
        robot.clickOn("#lock-large-text");
        robot.clickOn("#lock-member");
        ScrollPane scroll = robot.lookup("#member-screen").queryAs(ScrollPane.class);
        robot.interact(() -> scroll.setVvalue(scroll.getVmax()));
        robot.clickOn("#member-back");

        robot.clickOn("#lock-member");
        assertEquals(scroll.getVmin(), scroll.getVvalue(), 0.0);
    }
}
