package bg.digiclub.kiosk.ui;

import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Enter presses the focused button, and anywhere else in a form (a check box, a text field) the
 * form's default button. JavaFX buttons answer only Space by default, but people new to
 * computers press Enter.
 *
 * <p>Like a mouse click, the button fires when the key is released: an action may hide this
 * window, and a window hidden between a key's press and its release trips JavaFX.
 */
final class KeyboardActivation {
    private KeyboardActivation() {}

    static void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER && target(scene).isPresent()) {
                event.consume();
            }
        });
        scene.addEventFilter(KeyEvent.KEY_RELEASED, event -> {
            if (event.getCode() != KeyCode.ENTER) {
                return;
            }
            target(scene).ifPresent(button -> {
                event.consume();
                if (!button.isDisabled()) {
                    button.fire();
                }
            });
        });
    }

    /** The button Enter presses now: the focused one, or the default button of what is shown. */
    private static Optional<ButtonBase> target(Scene scene) {
        Node focused = scene.getFocusOwner();
        if (focused instanceof Button || focused instanceof ToggleButton) {
            return Optional.of((ButtonBase) focused);
        }
        if (scene.getRoot() == null) {
            return Optional.empty();
        }
        return scene.getRoot().lookupAll(".button").stream()
                .filter(node -> node instanceof Button b && b.isDefaultButton() && b.isVisible())
                .map(node -> (ButtonBase) node)
                .findFirst();
    }
}
