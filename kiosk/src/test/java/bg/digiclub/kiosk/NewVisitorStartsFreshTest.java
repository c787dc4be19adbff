package bg.digiclub.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeoutException;

import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
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

    private static boolean selected(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(ToggleButton.class).isSelected();
    }

    private List<String> rootClasses() {
        return List.copyOf(kiosk.stage().getScene().getRoot().getStyleClass());
    }

    @Test
    void largeTextAndHighContrastAreOffAgainForTheNextVisitor(FxRobot robot) {
        robot.clickOn("#lock-large-text");
        robot.clickOn("#lock-high-contrast");
        assertTrue(rootClasses().containsAll(List.of("large-text", "high-contrast")), rootClasses().toString());

        robot.clickOn("#lock-guest");
        robot.clickOn("#guest-accept");
        robot.clickOn("#guest-start");
        assertTrue(robot.lookup("#session-bar").query().getScene().getRoot().getStyleClass().contains("large-text"),
                "the visitor's choice holds through their session");
        robot.clickOn("#bar-end");
        robot.clickOn("#bar-end-yes");

        assertTrue(kiosk.stage().isShowing(), "the lock screen is back");
        assertFalse(rootClasses().contains("large-text"), rootClasses().toString());
        assertFalse(rootClasses().contains("high-contrast"), rootClasses().toString());
        assertFalse(selected(robot, "#lock-large-text"), "the switch shows the mode is off");
        assertFalse(selected(robot, "#lock-high-contrast"), "the switch shows the mode is off");
    }

    @Test
    void theGuestFormOpensAtItsTopWhereverTheLastVisitorLeftIt(FxRobot robot) {
        robot.clickOn("#lock-large-text");
        robot.clickOn("#lock-guest");
        List<ScrollPane> scrolls = robot.lookup("#guest-screen .scroll-pane").queryAllAs(ScrollPane.class)
                .stream().toList();
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
