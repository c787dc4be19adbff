package bg.digiclub.kiosk.session;

import java.time.Duration;
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
 * The warning drawn over everything: a big always-on-top window in the middle of the screen
 * (a tray balloon is easy to miss), for time running out and for idleness.
 */
public final class WarningView {
    private final Stage stage;
    private final Scene scene;
    private final Button answer;

    public WarningView(SessionViewModel model, I18n i18n, Theme theme) {
        Label title = new Label();
        title.getStyleClass().add("warning-title");
        title.setWrapText(true);
        title.setId("warning-title");
        Widgets.keepWhole(title);
        title.textProperty()
                .bind(i18n.text(
                        () -> {
                            SessionWarning warning = model.warningProperty().get();
                            if (warning == null) {
                                return "";
                            }
                            if (warning.kind() == SessionWarning.Kind.IDLE) {
                                return i18n.format("warning.idle.title");
                            }
                            return i18n.format(timeLeftTitle(
                                    warning, model.remainingProperty().get()));
                        },
                        model.warningProperty(),
                        model.remainingProperty()));
        Label body = new Label();
        body.getStyleClass().add("warning-body");
        body.setWrapText(true);
        body.setId("warning-body");
        Widgets.keepWhole(body);
        body.textProperty()
                .bind(i18n.text(
                        () -> {
                            SessionWarning warning = model.warningProperty().get();
                            if (warning == null) {
                                return "";
                            }
                            if (warning.kind() == SessionWarning.Kind.IDLE) {
                                Duration left = model.idleGraceLeft();
                                return i18n.format(
                                        "warning.idle.body",
                                        left.plusNanos(999_999_999).getSeconds());
                            }
                            return i18n.format("warning.time.body");
                        },
                        model.warningProperty(),
                        model.remainingProperty()));
        answer = new Button();
        answer.getStyleClass().addAll("primary", "big");
        answer.setId("warning-answer");
        answer.setMinSize(Button.USE_PREF_SIZE, Button.USE_PREF_SIZE);
        answer.textProperty()
                .bind(i18n.text(
                        () -> {
                            SessionWarning warning = model.warningProperty().get();
                            return i18n.format(
                                    warning != null && warning.kind() == SessionWarning.Kind.IDLE
                                            ? "warning.idle.stillHere"
                                            : "warning.time.ok");
                        },
                        model.warningProperty()));
        answer.setOnAction(e -> {
            SessionWarning warning = model.warningProperty().get();
            if (warning != null && warning.kind() == SessionWarning.Kind.IDLE) {
                model.stillHere();
            } else {
                model.dismissWarning();
            }
        });
        VBox card = new VBox(28, title, body, answer);
        card.setAlignment(Pos.CENTER);
        card.getStyleClass().add("warning");
        card.setId("warning");
        stage = KioskWindows.onTop("DigiClub");
        scene = theme.style(new Scene(card));
        stage.setScene(scene);
        model.warningProperty().addListener((obs, old, warning) -> {
            if (warning == null) {
                stage.hide();
            } else {
                show();
            }
        });
    }

    /**
     * "10 minutes left" at a warning's threshold; in the last minute the seconds, counted down as
     * the bar counts them ("59 seconds left" … "6 seconds left"), never "1 minute" at 0:06.
     */
    static Message timeLeftTitle(SessionWarning warning, Duration remaining) {
        // rounded up, as the bar's countdown: 0:59 there is "59 seconds" here
        long seconds =
                remaining.isNegative() ? 0 : remaining.plusNanos(999_999_999).getSeconds();
        if (seconds < 60) {
            return Message.of("warning.time.seconds", seconds);
        }
        return Message.of("warning.time.title", warning.left().toMinutes());
    }

    private void show() {
        // as tall as its sentences need in the current language and text size, never cut
        KioskWindows.centered(stage, scene, 0.7, 0.6);
        if (!stage.isShowing()) {
            stage.show();
            // again once shown: the skins, and so the height the text needs, exist only now
            KioskWindows.centered(stage, scene, 0.7, 0.6);
        }
        stage.toFront();
        stage.requestFocus();
        answer.requestFocus();
    }

    public Stage stage() {
        return stage;
    }
}
