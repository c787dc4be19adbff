package bg.digiclub.kiosk.ui;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Enter presses the focused button. JavaFX buttons answer only Space by default, but people new
 * to computers press Enter. Check boxes keep Enter for the form's default button.
 */
final class KeyboardActivation {
    private KeyboardActivation() {
    }

    static void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() != KeyCode.ENTER) {
                return;
            }
            Node focused = scene.getFocusOwner();
            if (focused instanceof Button button && !button.isDisabled()) {
                button.fire();
                event.consume();
            } else if (focused instanceof ToggleButton toggle && !toggle.isDisabled()) {
                toggle.fire();
                event.consume();
            }
        });
    }
}
