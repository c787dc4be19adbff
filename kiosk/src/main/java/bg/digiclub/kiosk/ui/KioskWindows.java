package bg.digiclub.kiosk.ui;

import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;

/** The small always-on-top windows of a session (session bar, warnings, launcher). */
public final class KioskWindows {
    /** The height the session bar takes at the bottom of the screen in large text, with its margin. */
    private static final double BAR_ROOM = 140;

    private KioskWindows() {
    }

    /** An undecorated, always-on-top stage that refuses close requests (Alt+F4 included). */
    public static Stage onTop(String title) {
        Stage stage = new Stage(StageStyle.UNDECORATED);
        stage.setTitle(title);
        stage.setAlwaysOnTop(true);
        stage.setResizable(false);
        stage.setOnCloseRequest(event -> event.consume());
        return stage;
    }

    /** Sizes the stage to its scene and puts it in the bottom-right corner of the main screen. */
    public static void bottomRight(Stage stage, Scene scene) {
        Rectangle2D bounds = Screen.getPrimary().getVisualBounds();
        scene.getRoot().applyCss();
        double width = Math.ceil(scene.getRoot().prefWidth(-1));
        double height = Math.ceil(scene.getRoot().prefHeight(width));
        // explicit sizes: sizeToScene() leaves an undecorated, non-resizable stage at 0x0 on some glass ports
        stage.setWidth(width);
        stage.setHeight(height);
        stage.setX(bounds.getMaxX() - width - 8);
        stage.setY(bounds.getMaxY() - height - 8);
    }

    /**
     * Sizes the stage to a share of the main screen's width and at least a share of its height,
     * taller when the scene's content needs it (large text), never taller than the screen, and
     * centres it.
     */
    public static void centered(Stage stage, Scene scene, double widthShare, double heightShare) {
        Rectangle2D bounds = Screen.getPrimary().getVisualBounds();
        double width = Math.min(bounds.getWidth(), Math.ceil(bounds.getWidth() * widthShare));
        scene.getRoot().applyCss();
        double needed = Math.ceil(scene.getRoot().prefHeight(width));
        double height = Math.min(bounds.getHeight(), Math.max(bounds.getHeight() * heightShare, needed));
        stage.setWidth(width);
        stage.setHeight(height);
        stage.setX(bounds.getMinX() + (bounds.getWidth() - width) / 2);
        // centred, but a tall one moves up rather than cover the session bar in the bottom corner
        double centredY = bounds.getMinY() + (bounds.getHeight() - height) / 2;
        stage.setY(Math.max(bounds.getMinY(), Math.min(centredY, bounds.getMaxY() - BAR_ROOM - height)));
    }
}
