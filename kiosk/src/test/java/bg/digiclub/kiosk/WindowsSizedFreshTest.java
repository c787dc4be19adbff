package bg.digiclub.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeoutException;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The session's small windows are sized for the visitor in front of them: after a visitor who
 * chose English and large text, the next visitor's session bar and first-session hint have the
 * size they have for the day's first visitor (JavaFX kept a hidden window's old fonts when its
 * style changed while it was hidden, and measured with them).
 */
@ExtendWith(ApplicationExtension.class)
class WindowsSizedFreshTest {
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

    private record Sizes(double barWidth, double barHeight, double hintHeight) {}

    private Sizes sizesOfANewSession(FxRobot robot) {
        KioskUiFixture.startGuestSession(robot);
        Window bar = robot.lookup("#session-bar").query().getScene().getWindow();
        Window hint = robot.lookup("#hint").query().getScene().getWindow();
        return new Sizes(bar.getWidth(), bar.getHeight(), hint.getHeight());
    }

    @Test
    void theNextVisitorsWindowsHaveTheFirstVisitorsSizes(FxRobot robot) {
        Sizes first = sizesOfANewSession(robot);
        KioskUiFixture.endSession(robot);

        robot.clickOn("#lock-lang-en");
        robot.clickOn("#lock-large-text");
        Sizes large = sizesOfANewSession(robot);
        KioskUiFixture.endSession(robot);

        Sizes next = sizesOfANewSession(robot);
        assertEquals(first, next, "after a visitor in English with large text (" + large + ")");
    }
}
