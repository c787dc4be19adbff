package bg.digiclub.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A standby kiosk (digiclub-supervise --standby): built ahead, it shows no window and asks the
 * agent nothing until it takes over; then it shows the lock screen and asks whether the session
 * of the kiosk that died is over, like a kiosk that has just started.
 */
@ExtendWith(ApplicationExtension.class)
class KioskStandbyTest {
    private final KioskUiFixture kiosk = new KioskUiFixture();

    @Start
    void start(Stage ignored) {
        kiosk.standby();
    }

    @AfterEach
    void stop(FxRobot robot) throws TimeoutException {
        robot.interact(kiosk.ui::stop);
        FxToolkit.cleanupStages();
    }

    @Test
    void aStandbyKioskShowsNothingAndAsksNothingUntilItTakesOver(FxRobot robot) {
        assertFalse(kiosk.stage().isShowing(), "no window of a standby kiosk");
        assertEquals(List.of(), kiosk.log.events(), "nothing asked of the agent, nothing ready");

        robot.interact(kiosk.ui::activate);
        assertTrue(kiosk.stage().isShowing(), "the lock screen is shown on taking over");
        assertEquals(
                "Започнете като гост",
                robot.lookup("#lock-guest").queryAs(Labeled.class).getText());
        assertTrue(
                kiosk.log.events().contains("agent:status"),
                "it asks whether the lost session is over: " + kiosk.log.events());
        assertTrue(kiosk.log.events().contains("ready"), kiosk.log.events().toString());
    }
}
