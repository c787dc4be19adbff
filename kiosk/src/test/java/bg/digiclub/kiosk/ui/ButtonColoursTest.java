package bg.digiclub.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A coloured button keeps its colour under the pointer and with the focus: "Да, край" hovered
 * once turned beige behind its white text and looked disabled.
 */
@ExtendWith(ApplicationExtension.class)
class ButtonColoursTest {
    private final DisplayMode mode = new DisplayMode();
    private Button danger;
    private Button primary;

    @Start
    void start(Stage stage) {
        danger = new Button("Да, край");
        danger.getStyleClass().add("danger");
        danger.setId("danger");
        primary = new Button("Не, продължавам");
        primary.getStyleClass().add("primary");
        primary.setId("primary");
        stage.setScene(new Theme(mode).style(new Scene(new HBox(40, danger, primary), 600, 200)));
        stage.show();
    }

    @AfterEach
    void stop() throws TimeoutException {
        FxToolkit.cleanupStages();
    }

    private static Paint fill(Button button) {
        return button.getBackground().getFills().get(0).getFill();
    }

    @Test
    void aHoveredFocusedDangerButtonStaysRed(FxRobot robot) {
        robot.interact(danger::requestFocus);
        robot.moveTo("#danger");
        assertEquals(Color.web("#7d1014"), fill(danger));
        assertEquals(Color.WHITE, danger.getTextFill());
    }

    @Test
    void aHoveredPrimaryButtonStaysBlue(FxRobot robot) {
        robot.moveTo("#primary");
        assertEquals(Color.web("#163a69"), fill(primary));
    }

    @Test
    void inHighContrastTheHoveredDangerButtonStaysRed(FxRobot robot) {
        robot.interact(mode::toggleHighContrast);
        robot.interact(danger::requestFocus);
        robot.moveTo("#danger");
        assertEquals(Color.web("#a4161a"), fill(danger));
        assertEquals(Color.WHITE, danger.getTextFill());
    }
}
