package bg.digiclub.kiosk.ui;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;

import bg.digiclub.kiosk.i18n.I18n;
import bg.digiclub.kiosk.i18n.Message;

/** Labels and buttons whose text follows the language switch. */
public final class Widgets {
    private Widgets() {
    }

    public static Label label(I18n i18n, String key, String... styleClasses) {
        Label label = new Label();
        label.textProperty().bind(i18n.text(key));
        label.setWrapText(true);
        label.getStyleClass().addAll(styleClasses);
        return label;
    }

    /** A label showing a message that may change; hidden while it is null. */
    public static Label messageLabel(I18n i18n, ObservableValue<Message> message, String... styleClasses) {
        Label label = new Label();
        label.textProperty().bind(i18n.text(message));
        label.setWrapText(true);
        label.getStyleClass().addAll(styleClasses);
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
        return button;
    }
}
