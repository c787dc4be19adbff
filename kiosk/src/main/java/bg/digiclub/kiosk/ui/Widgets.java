package bg.digiclub.kiosk.ui;

import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

import bg.digiclub.kiosk.i18n.I18n;
import bg.digiclub.kiosk.i18n.Message;

/**
 * Labels and buttons whose text follows the language switch. None of them is ever cut with "…":
 * a button is never narrower than its text, nor a label that does not wrap (a wrapping label
 * gets the lines it needs); a layout that lacks the room must grow, wrap or scroll instead.
 */
public final class Widgets {
    private Widgets() {}

    public static Label label(I18n i18n, String key, String... styleClasses) {
        Label label = new Label();
        label.textProperty().bind(i18n.text(key));
        label.setWrapText(true);
        label.getStyleClass().addAll(styleClasses);
        keepWhole(label);
        return label;
    }

    /** A label showing a message that may change; hidden while it is null. */
    public static Label messageLabel(I18n i18n, ObservableValue<Message> message, String... styleClasses) {
        Label label = new Label();
        label.textProperty().bind(i18n.text(message));
        label.setWrapText(true);
        label.getStyleClass().addAll(styleClasses);
        keepWhole(label);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    public static Button button(I18n i18n, String key, Runnable action, String... styleClasses) {
        Button button = new Button();
        button.textProperty().bind(i18n.text(key));
        button.setOnAction(e -> action.run());
        button.getStyleClass().addAll(styleClasses);
        button.setWrapText(true);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setMinHeight(Region.USE_PREF_SIZE);
        return button;
    }

    /** Gives {@code node} the style class while {@code on}, and takes it away otherwise. */
    public static void styleWhen(Node node, String styleClass, boolean on) {
        node.getStyleClass().remove(styleClass);
        if (on) {
            node.getStyleClass().add(styleClass);
        }
    }

    /**
     * Never shorter than its lines, and, while it does not wrap, never narrower than its text:
     * a box squeezed below that would show "…" instead of the words.
     */
    public static void keepWhole(Label label) {
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.minWidthProperty()
                .bind(javafx.beans.binding.Bindings.when(label.wrapTextProperty())
                        .then(Region.USE_COMPUTED_SIZE)
                        .otherwise(Region.USE_PREF_SIZE));
    }
}
