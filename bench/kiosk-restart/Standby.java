import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import java.io.BufferedReader;
import java.io.InputStreamReader;

/** A warm standby: JavaFX up, a fullscreen stage built but not shown; a line on stdin shows it. */
public class Standby {
    public static void main(String[] args) throws Exception {
        Platform.startup(() -> {});
        Stage[] stage = new Stage[1];
        Platform.runLater(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(new StackPane(new Label("standby lock screen")), 1280, 800));
            s.setFullScreenExitHint("");
            s.setAlwaysOnTop(true);
            stage[0] = s;
        });
        System.out.println("ready");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in)).readLine();
        Platform.runLater(() -> { stage[0].show(); stage[0].setFullScreen(true); });
        Thread.sleep(60_000);
        Platform.exit();
    }
}
