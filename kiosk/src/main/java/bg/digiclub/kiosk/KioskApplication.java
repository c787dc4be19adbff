package bg.digiclub.kiosk;

import java.util.Objects;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The JavaFX application. {@link KioskMain} builds the parts and hands them over before
 * launching, because JavaFX makes this class itself and gives its constructor nothing.
 */
public final class KioskApplication extends Application {
    private static volatile KioskParts pending;
    private static volatile Runnable onStop = () -> {};
    private static volatile boolean standby;

    private KioskUi ui;

    /**
     * Called by {@link KioskMain} just before {@link Application#launch}.
     *
     * @param asStandby build the kiosk and show it only on {@link StandbySignal}'s word
     */
    static void prepare(KioskParts parts, Runnable stop, boolean asStandby) {
        pending = Objects.requireNonNull(parts, "parts");
        onStop = Objects.requireNonNull(stop, "stop");
        standby = asStandby;
    }

    @Override
    public void start(Stage stage) {
        KioskParts parts = Objects.requireNonNull(pending, "KioskApplication started without KioskMain");
        // the kiosk hides its main window during a session; that must never end the application
        Platform.setImplicitExit(false);
        stage.initStyle(KioskUi.stageStyle(parts.demo()));
        if (standby) {
            ui = KioskUi.build(stage, parts);
            StandbySignal.await(System.in, () -> Platform.runLater(ui::activate), Platform::exit);
        } else {
            ui = KioskUi.start(stage, parts);
        }
    }

    @Override
    public void stop() {
        if (ui != null) {
            ui.stop();
        }
        onStop.run();
    }
}
