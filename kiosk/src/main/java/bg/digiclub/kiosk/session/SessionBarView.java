package bg.digiclub.kiosk.session;

import javafx.application.Platform;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import bg.digiclub.kiosk.i18n.I18n;
import bg.digiclub.kiosk.ui.Countdown;
import bg.digiclub.kiosk.ui.KioskWindows;
import bg.digiclub.kiosk.ui.Theme;
import bg.digiclub.kiosk.ui.Widgets;

/**
 * The small always-on-top bar of a session: time left, the launcher, "Help" (calls the mentor),
 * staff, and "End session",
 * which asks once more because ending has the agent reset the visitor's home (their files go).
 */
public final class SessionBarView {
    private final Stage stage;
    private final Scene scene;
    private final HBox bar;
    private final HBox normal;
    private final HBox confirm;
    private final Button end;
    private final Button no;
    private final FirstSessionHint hint;

    /**
     * @param helpCalled true while a call for the mentor is on (the help button stays lit)
     * @param callHelp   calls the mentor ("Помощ" / "Help")
     */
    public SessionBarView(
            SessionViewModel model,
            I18n i18n,
            Theme theme,
            Runnable openApps,
            Runnable openStaff,
            ObservableBooleanValue helpCalled,
            Runnable callHelp) {
        Label left = Widgets.label(i18n, "bar.timeLeft");
        left.setWrapText(false);
        Label countdown = new Label();
        countdown.getStyleClass().add("countdown");
        countdown
                .textProperty()
                .bind(i18n.text(() -> Countdown.format(model.remainingProperty().get()), model.remainingProperty()));
        countdown.setId("bar-countdown");
        countdown.setMinWidth(Label.USE_PREF_SIZE);
        // an extension from the club page may give the countdown its hours while the bar is up:
        // the bar is then too narrow for its row and is sized afresh (never smaller: no jumping)
        countdown.textProperty().addListener((obs, old, now) -> Platform.runLater(this::growIfNeeded));
        // opening the programs is what the first-session hint points to: it has done its work
        Button apps = Widgets.button(
                i18n,
                "bar.apps",
                () -> {
                    model.closeHint();
                    openApps.run();
                },
                "primary");
        apps.setId("bar-apps");
        Button staff = Widgets.button(i18n, "bar.staff", openStaff);
        staff.setId("bar-staff");
        end = Widgets.button(i18n, "bar.end", this::askToEnd, "danger");
        end.setId("bar-end");
        Button help = Widgets.button(i18n, "bar.help", callHelp);
        help.setId("bar-help");
        Widgets.styleWhen(help, "help-called", helpCalled.get());
        helpCalled.addListener((obs, old, on) -> Widgets.styleWhen(help, "help-called", on));
        // "Help" right of "End session": "Yes, end now" must never come up under the pointer that pressed "End"
        normal = new HBox(12, left, countdown, apps, end, help, staff);
        normal.setAlignment(Pos.CENTER_LEFT);

        Label sure = Widgets.label(i18n, "bar.confirm");
        sure.setMaxWidth(420);
        Button yes = Widgets.button(i18n, "bar.confirmYes", model::endByVisitor, "danger");
        yes.setId("bar-end-yes");
        no = Widgets.button(i18n, "bar.confirmNo", this::keepGoing, "primary");
        no.setId("bar-end-no");
        // the answers keep their whole words (the question wraps instead), and "No" comes first:
        // it, not "Yes", sits under a pointer that double-clicked "End session"
        yes.setMinWidth(Region.USE_PREF_SIZE);
        no.setMinWidth(Region.USE_PREF_SIZE);
        confirm = new HBox(12, sure, no, yes);
        confirm.setAlignment(Pos.CENTER_LEFT);

        // both rows stacked, one visible: the bar is as wide as the wider one and never resizes
        // while shown (resizing a shown window also trips the headless test glass)
        StackPane rows = new StackPane(normal, confirm);
        StackPane.setAlignment(normal, Pos.CENTER_RIGHT);
        StackPane.setAlignment(confirm, Pos.CENTER_RIGHT);
        bar = new HBox(rows);
        bar.getStyleClass().add("session-bar");
        bar.setId("session-bar");
        scene = theme.style(new Scene(bar));
        // Escape is "no" while the bar asks: Enter, Enter or a stray Escape never ends a session
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE && confirm.isVisible()) {
                event.consume();
                keepGoing();
            }
        });
        stage = KioskWindows.onTop("DigiClub");
        stage.setScene(scene);
        // minimised by anything with a trusted connection (a window manager's binding, xdotool):
        // back at once, or the visitor has no countdown and no way to end the session
        stage.iconifiedProperty().addListener((obs, old, iconified) -> {
            if (iconified && stage.isShowing()) {
                Platform.runLater(() -> stage.setIconified(false));
            }
        });
        hint = new FirstSessionHint(model, i18n, theme);
        confirm.setVisible(false);
    }

    /** The bar asks "End now?"; the focus starts on the safe answer, "No, keep going". */
    private void askToEnd() {
        normal.setVisible(false);
        confirm.setVisible(true);
        stage.requestFocus();
        no.requestFocus();
    }

    private void keepGoing() {
        boolean wasAsking = confirm.isVisible();
        confirm.setVisible(false);
        normal.setVisible(true);
        if (wasAsking) {
            end.requestFocus();
        }
    }

    /** Shows the bar, sized for the current language and text size (both change only while it is hidden). */
    public void show() {
        confirm.setVisible(false);
        normal.setVisible(true);
        if (!stage.isShowing()) {
            stage.show();
            // sized once, right after it appears: its skins exist only then
            place();
        }
        stage.toFront();
        hint.showAbove(stage);
    }

    /** Sizes the shown bar afresh when its row no longer fits (hidden and shown again: a window manager may keep the first size of a window that is not resizable). */
    private void growIfNeeded() {
        if (stage.isShowing() && Math.ceil(bar.prefWidth(-1)) > stage.getWidth()) {
            stage.hide();
            place();
            stage.show();
            place();
            stage.toFront();
        }
    }

    public void hide() {
        hint.hide();
        stage.hide();
    }

    /** The first-session hint's window (shown at the start of a session until closed). */
    public Stage hintStage() {
        return hint.stage();
    }

    public Stage stage() {
        return stage;
    }

    private void place() {
        KioskWindows.bottomRight(stage, scene);
    }
}
