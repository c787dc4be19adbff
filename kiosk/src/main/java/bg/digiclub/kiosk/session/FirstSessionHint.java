package bg.digiclub.kiosk.session;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
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
        for (Label label : List.of(title, apps, time, end)) {
            // never squeezed to fewer lines than the text needs: a line short cuts a sentence
            label.setMinHeight(Region.USE_PREF_SIZE);
        }
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
            // sized and placed before it is mapped, so that a window manager has nothing to decide
            place(bar);
            stage.show();
            place(bar);
        }
        stage.toFront();
    }

    private void place(Stage bar) {
        double height = neededHeight();
        stage.setHeight(height);
        stage.setX(bar.getX() + bar.getWidth() - WIDTH);
        stage.setY(Math.max(0, bar.getY() - height - 12));
    }

    /**
     * The card's height for its wrapped lines at its fixed width. Worked out before the window is
     * mapped: a window manager may keep the first size of a window that is not resizable.
     */
    private double neededHeight() {
        VBox card = (VBox) scene.getRoot();
        // a hint shown to an earlier visitor would be measured with that visitor's fonts
        KioskWindows.restyle(scene);
        Insets insets = card.getInsets();
        double inner = WIDTH - insets.getLeft() - insets.getRight();
        double height = insets.getTop() + insets.getBottom();
        List<Node> children = card.getChildren();
        for (Node child : children) {
            height += child.prefHeight(inner);
        }
        height += card.getSpacing() * Math.max(0, children.size() - 1);
        // a few pixels to spare for rounding
        return Math.ceil(height) + 6;
    }

    void hide() {
        stage.hide();
    }

    Stage stage() {
        return stage;
    }
}
