package bg.digiclub.kiosk.session;

import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import bg.digiclub.kiosk.i18n.I18n;
import bg.digiclub.kiosk.ui.KioskWindows;
import bg.digiclub.kiosk.ui.Theme;
import bg.digiclub.kiosk.ui.Widgets;

/**
 * A short note on the empty desktop at the start of a session, just above the session bar it
 * explains: where the programs are, where the time left is, how to end. A new session otherwise
 * opens on a black screen with no word of where to start. It goes when the visitor closes it,
 * opens the programs, or the session ends ({@link SessionViewModel#hintProperty()}).
 */
final class FirstSessionHint {
    /** Wide enough for three short sentences in large text; the text wraps inside it. */
    private static final double WIDTH = 460;

    private final SessionViewModel model;
    private final Stage stage;
    private final Scene scene;

    FirstSessionHint(SessionViewModel model, I18n i18n, Theme theme) {
        this.model = model;
        Label title = Widgets.label(i18n, "hint.title", "subheading");
        title.setId("hint-title");
        Label apps = Widgets.label(i18n, "hint.apps");
        apps.setId("hint-apps");
        Label time = Widgets.label(i18n, "hint.time");
        time.setId("hint-time");
        Label end = Widgets.label(i18n, "hint.end");
        end.setId("hint-end");
        Button close = Widgets.button(i18n, "hint.close", model::closeHint, "primary");
        close.setId("hint-close");
        HBox buttons = new HBox(close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox card = new VBox(10, title, apps, time, end, buttons);
        card.getStyleClass().add("card");
        card.setId("hint");
        card.setPrefWidth(WIDTH);
        card.setMaxWidth(WIDTH);
        scene = theme.style(new Scene(card));
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                event.consume();
                model.closeHint();
            }
        });
        stage = KioskWindows.onTop("DigiClub");
        stage.setScene(scene);
        model.hintProperty().addListener((obs, old, shown) -> {
            if (!shown) {
                hide();
            }
        });
    }

    /** Shows the hint just above {@code bar}, if the session still wants it. */
    void showAbove(Stage bar) {
        if (!model.hintProperty().get()) {
            hide();
            return;
        }
        if (!stage.isShowing()) {
            stage.setWidth(WIDTH);
            stage.show();
            // sized right after it appears, as the bar is: the labels' skins exist only then
            Parent root = scene.getRoot();
            root.applyCss();
            root.layout();
            double height = Math.ceil(root.prefHeight(WIDTH));
            stage.setHeight(height);
            stage.setX(bar.getX() + bar.getWidth() - WIDTH);
            stage.setY(Math.max(0, bar.getY() - height - 12));
        }
        stage.toFront();
    }

    void hide() {
        stage.hide();
    }

    Stage stage() {
        return stage;
    }
}
