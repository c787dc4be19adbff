package bg.digiclub.kiosk.notices;

import java.util.function.Function;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import bg.digiclub.kiosk.i18n.I18n;
import bg.digiclub.kiosk.i18n.Message;
import bg.digiclub.kiosk.ui.KioskWindows;
import bg.digiclub.kiosk.ui.Theme;
import bg.digiclub.kiosk.ui.Widgets;

/**
 * The notice drawn over everything, on every screen: a big always-on-top window in the middle
 * of the screen, like the session's warnings, with one answer ("OK") or, for the grace offer,
 * two ("Yes, 15 more minutes" first, "No, thanks"). Nothing in it leads anywhere else: its
 * buttons only answer the notice.
 */
public final class NoticeView {
    private final NoticesViewModel model;
    private final Stage stage;
    private final Scene scene;
    private final VBox card;
    private final Button confirm;

    public NoticeView(NoticesViewModel model, I18n i18n, Theme theme) {
        this.model = model;
        Label title = text(i18n, model, Overlay::title, "notice-title");
        Label body = text(i18n, model, Overlay::body, "notice-body");
        confirm = new Button();
        confirm.getStyleClass().addAll("primary", "big");
        confirm.setId("notice-confirm");
        confirm.setWrapText(true);
        confirm.setMinSize(Button.USE_PREF_SIZE, Button.USE_PREF_SIZE);
        confirm.textProperty().bind(i18n.text(() -> format(i18n, model, Overlay::confirm), model.overlayProperty()));
        confirm.setOnAction(e -> model.confirm());
        Button decline = new Button();
        decline.getStyleClass().add("big");
        decline.setId("notice-decline");
        decline.setWrapText(true);
        decline.setMinSize(Button.USE_PREF_SIZE, Button.USE_PREF_SIZE);
        decline.textProperty().bind(i18n.text(() -> format(i18n, model, Overlay::decline), model.overlayProperty()));
        decline.setOnAction(e -> model.decline());
        decline.visibleProperty().bind(decline.textProperty().isNotEmpty());
        decline.managedProperty().bind(decline.visibleProperty());
        // one above the other: two big buttons side by side do not fit in large text
        VBox answers = new VBox(16, confirm, decline);
        answers.setAlignment(Pos.CENTER);
        card = new VBox(28, title, body, answers);
        card.setAlignment(Pos.CENTER);
        card.getStyleClass().add("notice");
        card.setId("notice");
        stage = KioskWindows.onTop("DigiClub");
        scene = theme.style(new Scene(card));
        stage.setScene(scene);
        // over everything until answered: a click on the screen behind does not bury it
        stage.focusedProperty().addListener((obs, old, focused) -> {
            if (!focused && stage.isShowing()) {
                Platform.runLater(this::raise);
            }
        });
        model.overlayProperty().addListener((obs, old, shown) -> follow(old, shown));
        // made when the first notice comes: draw it
        follow(null, model.overlayProperty().get());
    }

    private static Label text(I18n i18n, NoticesViewModel model, Function<Overlay, Message> part, String id) {
        Label label = new Label();
        label.getStyleClass().add(id);
        label.setId(id);
        label.setWrapText(true);
        Widgets.keepWhole(label);
        label.textProperty().bind(i18n.text(() -> format(i18n, model, part), model.overlayProperty()));
        return label;
    }

    private static String format(I18n i18n, NoticesViewModel model, Function<Overlay, Message> part) {
        Overlay shown = model.overlayProperty().get();
        Message message = shown == null ? null : part.apply(shown);
        return message == null ? "" : i18n.format(message);
    }

    private void follow(Overlay old, Overlay shown) {
        if (shown == null) {
            stage.hide();
            return;
        }
        // a staff message reads apart from a warning: its own colours, kept while it is up
        card.getStyleClass().removeAll("notice-message", "notice-warning");
        card.getStyleClass().add(shown.kind() == Overlay.Kind.MESSAGE ? "notice-message" : "notice-warning");
        if (old == null || !old.equals(shown)) {
            show();
        }
    }

    private void show() {
        // as tall as its sentences need in the current language and text size, never cut
        KioskWindows.centered(stage, scene, 0.7, 0.5);
        if (!stage.isShowing()) {
            stage.show();
            // again once shown: the skins, and so the height the text needs, exist only now
            KioskWindows.centered(stage, scene, 0.7, 0.5);
        }
        stage.toFront();
        stage.requestFocus();
        confirm.requestFocus();
    }

    /** Brings the notice back to the front (a screen change raised another window over it). */
    public void raise() {
        if (model.overlayProperty().get() != null && stage.isShowing()) {
            stage.toFront();
        }
    }

    public Stage stage() {
        return stage;
    }
}
