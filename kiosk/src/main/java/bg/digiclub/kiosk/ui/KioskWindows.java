package bg.digiclub.kiosk.ui;

import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;

/** The small always-on-top windows of a session (session bar, warnings, launcher). */
public final class KioskWindows {
    /**
     * The height the session bar takes at the bottom of the screen in large text, with its margin:
     * 162 px in Bulgarian (the bar is as tall as its hidden "End now?" row, whose question wraps to
     * four lines) and 8 below it. EveryScreenFitsTest fails when a warning covers the bar.
     */
    private static final double BAR_ROOM = 170;
    /** How much wider a centred window grows at a time when its content is too tall for its room. */
    private static final double WIDER_STEP = 32;

    private KioskWindows() {}

    /** An undecorated, always-on-top stage that refuses close requests (Alt+F4 included). */
    public static Stage onTop(String title) {
        Stage stage = new Stage(StageStyle.UNDECORATED);
        stage.setTitle(title);
        stage.setAlwaysOnTop(true);
        stage.setResizable(false);
        stage.setOnCloseRequest(event -> event.consume());
        return stage;
    }

    /**
     * Styles the scene afresh, for measuring it. On a window shown before and hidden since, JavaFX's {@code applyCss} keeps fonts from before: the texts of the last
     * visitor's language at the last visitor's text size when both changed together (the end of a
     * session resets both), or measured in the default font. Re-adding the style sheets makes it
     * look everything up again.
     */
    public static void restyle(Scene scene) {
        List<String> sheets = List.copyOf(scene.getStylesheets());
        scene.getStylesheets().clear();
        scene.getStylesheets().addAll(sheets);
        scene.getRoot().applyCss();
    }

    /** Sizes the stage to its scene and puts it in the bottom-right corner of the main screen. */
    public static void bottomRight(Stage stage, Scene scene) {
        Rectangle2D bounds = Screen.getPrimary().getVisualBounds();
        restyle(scene);
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
     * centres it. Content too tall for the room above the session bar gets a wider window first
     * (fewer wrapped lines), so that it need not cover the bar.
     */
    public static void centered(Stage stage, Scene scene, double widthShare, double heightShare) {
        Rectangle2D bounds = Screen.getPrimary().getVisualBounds();
        double width = Math.min(bounds.getWidth(), Math.ceil(bounds.getWidth() * widthShare));
        restyle(scene);
        double needed = Math.ceil(scene.getRoot().prefHeight(width));
        double room = roomAboveBar();
        double widest = bounds.getWidth() - 2 * WIDER_STEP;
        while (needed > room && width + WIDER_STEP <= widest) {
            width += WIDER_STEP;
            needed = Math.ceil(scene.getRoot().prefHeight(width));
        }
        double height = Math.min(bounds.getHeight(), Math.max(bounds.getHeight() * heightShare, needed));
        placeAboveBar(stage, width, height);
    }

    /** The height on the main screen above the session bar: what a window may take without covering it. */
    public static double roomAboveBar() {
        return Screen.getPrimary().getVisualBounds().getHeight() - BAR_ROOM;
    }

    /**
     * Gives the stage its size and centres it on the main screen; a tall one moves up rather than
     * cover the session bar at the bottom (only one taller than {@link #roomAboveBar()} covers it).
     */
    public static void placeAboveBar(Stage stage, double width, double height) {
        Rectangle2D bounds = Screen.getPrimary().getVisualBounds();
        stage.setWidth(width);
        stage.setHeight(height);
        stage.setX(bounds.getMinX() + (bounds.getWidth() - width) / 2);
        double centredY = bounds.getMinY() + (bounds.getHeight() - height) / 2;
        stage.setY(Math.max(bounds.getMinY(), Math.min(centredY, bounds.getMaxY() - BAR_ROOM - height)));
    }
}
