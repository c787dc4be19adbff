package bg.digiclub.kiosk.ui;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.input.KeyCombination;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the lock screen up: fullscreen without an exit key, close requests refused, minimising
 * undone, focus taken back. While {@linkplain #release() released} (a session or maintenance
 * runs) the stage is hidden and nothing is enforced. In demo mode the window is ordinary.
 */
public final class Lockdown {
    private static final Logger LOG = LoggerFactory.getLogger(Lockdown.class);
    /** A window manager may move focus without telling us; look again this often. */
    private static final Duration WATCH = Duration.seconds(1);

    private final Stage stage;
    static final double DEMO_WIDTH = 1280;
    static final double DEMO_HEIGHT = 800;
    /** Room for the window manager's title bar and a panel. */
    static final double DEMO_DECORATION_ALLOWANCE = 60;

    private final boolean demo;
    private final Timeline watch;
    private boolean engaged;

    public Lockdown(Stage stage, boolean demo) {
        this.stage = stage;
        this.demo = demo;
        this.watch = new Timeline(new KeyFrame(WATCH, e -> enforce()));
        watch.setCycleCount(Timeline.INDEFINITE);
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreenExitHint("");
        stage.setOnCloseRequest(event -> {
            event.consume();
            if (demo) {
                Platform.exit();
            } else {
                LOG.info("close request refused");
            }
        });
        stage.iconifiedProperty().addListener((obs, old, iconified) -> {
            if (engaged && iconified) {
                Platform.runLater(() -> stage.setIconified(false));
            }
        });
        stage.fullScreenProperty().addListener((obs, old, full) -> {
            if (engaged && !full && !demo) {
                Platform.runLater(() -> stage.setFullScreen(true));
            }
        });
        stage.focusedProperty().addListener((obs, old, focused) -> {
            if (engaged && !focused) {
                Platform.runLater(this::takeFocus);
            }
        });
        stage.showingProperty().addListener((obs, old, showing) -> {
            if (engaged && !showing) {
                Platform.runLater(this::engage);
            }
        });
    }

    /** Shows the stage and holds it up. */
    public void engage() {
        engaged = true;
        if (!demo) {
            stage.setAlwaysOnTop(true);
        }
        if (!stage.isShowing()) {
            if (demo) {
                // an ordinary window, as large as a common laptop screen allows
                sizeDemoWindow();
            }
            stage.show();
            if (demo) {
                // and again after show(): under openbox on Xvfb the size set before show() did
                // not hold and the demo window came up 198x175
                Platform.runLater(this::sizeDemoWindow);
            }
        }
        // under Monocle and some window managers fullscreen only sticks after show(); and only
        // when not fullscreen already: each switch starts JavaFX's exit-hint animation, which
        // trips over a window hidden while it runs
        if (!demo && !stage.isFullScreen()) {
            stage.setFullScreen(true);
        }
        takeFocus();
        watch.play();
    }

    private void sizeDemoWindow() {
        Rectangle2D screen = Screen.getPrimary().getBounds();
        stage.setWidth(Math.min(DEMO_WIDTH, screen.getWidth()));
        stage.setHeight(Math.min(DEMO_HEIGHT, screen.getHeight() - DEMO_DECORATION_ALLOWANCE));
    }

    /** Lets go and hides the stage (a session or maintenance runs). */
    public void release() {
        engaged = false;
        watch.stop();
        stage.hide();
    }

    public boolean engaged() {
        return engaged;
    }

    private void enforce() {
        if (!engaged) {
            return;
        }
        if (!stage.isShowing()) {
            stage.show();
        }
        if (stage.isIconified()) {
            stage.setIconified(false);
        }
        if (!demo && !stage.isFullScreen()) {
            stage.setFullScreen(true);
        }
        if (!stage.isFocused()) {
            takeFocus();
        }
    }

    private void takeFocus() {
        if (engaged) {
            stage.toFront();
            stage.requestFocus();
        }
    }
}
