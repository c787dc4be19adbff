package bg.digiclub.kiosk.staff;

import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;

import bg.digiclub.kiosk.i18n.I18n;
import bg.digiclub.kiosk.navigation.KioskViewModel;
import bg.digiclub.kiosk.ui.Countdown;
import bg.digiclub.kiosk.ui.KioskWindows;
import bg.digiclub.kiosk.ui.Theme;
import bg.digiclub.kiosk.ui.Widgets;

/** While the kiosk has stepped aside for maintenance: how long until it relocks, and "Lock now". */
public final class MaintenanceBarView {
    private final Stage stage;
    private final Scene scene;

    public MaintenanceBarView(KioskViewModel kiosk, I18n i18n, Theme theme) {
        Label left = new Label();
        left.setId("maintenance-left");
        left.textProperty()
                .bind(i18n.text(
                        () -> i18n.format(
                                "maintenance.left",
                                Countdown.format(kiosk.maintenanceLeftProperty().get())),
                        kiosk.maintenanceLeftProperty()));
        Widgets.keepWhole(left);
        left.setWrapText(false);
        Button lock = Widgets.button(i18n, "maintenance.lockNow", kiosk::endMaintenance, "danger");
        lock.setId("maintenance-lock");
        HBox bar = new HBox(12, left, lock);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("session-bar");
        scene = theme.style(new Scene(bar));
        stage = KioskWindows.onTop("DigiClub");
        stage.setScene(scene);
    }

    public void show() {
        if (!stage.isShowing()) {
            stage.show();
            // sized once, right after it appears; the countdown changes inside that size
            KioskWindows.bottomRight(stage, scene);
        }
    }

    public void hide() {
        stage.hide();
    }
}
