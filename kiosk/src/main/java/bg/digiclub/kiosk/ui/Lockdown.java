package bg.digiclub.kiosk.ui;

import java.time.Duration;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.input.KeyCombination;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the lock screen up: fullscreen without an exit key, close requests refused, minimising
 * undone, focus taken back. While {@linkplain #release() released} (a session or maintenance
 * runs) the stage is hidden and nothing is enforced. In demo mode the window is ordinary.
 *
 * <p>It acts on the window's events (focus lost, minimised, fullscreen left, hidden), not on a
 * timer: the lock screen sits idle most of the day. Only where no event can tell, while focus
 * was asked for and has not come (a window manager may refuse it, and then says nothing more),
 * it looks again every {@link #FOCUS_RETRY}, and stops once the window has the focus.
 */
public final class Lockdown {
    private static final Logger LOG = LoggerFactory.getLogger(Lockdown.class);
    /** While the focus was asked for and not given, ask again this often. */
    private static final Duration FOCUS_RETRY = Duration.ofSeconds(1);

    private final Stage stage;
    static final double DEMO_WIDTH = 1280;
    static final double DEMO_HEIGHT = 800;
    /** Room for the window manager's title bar and a panel. */
    static final double DEMO_DECORATION_ALLOWANCE = 60;

    private final boolean demo;
    private final Alarm focusRetry;
    private boolean engaged;

    public Lockdown(Stage stage, boolean demo) {
        this.stage = stage;
        this.demo = demo;
        this.focusRetry = new Alarm(Platform::runLater, this::enforce);
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
                focusRetry.ringIn(FOCUS_RETRY);
            } else if (focused) {
                focusRetry.cancel();
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
        if (!stage.isFocused()) {
            // the focus comes as an event, usually soon; if the window manager refuses it, nothing comes
            focusRetry.ringIn(FOCUS_RETRY);
        }
    }

    private void sizeDemoWindow() {
        Rectangle2D screen = Screen.getPrimary().getBounds();
        stage.setWidth(Math.min(DEMO_WIDTH, screen.getWidth()));
        stage.setHeight(Math.min(DEMO_HEIGHT, screen.getHeight() - DEMO_DECORATION_ALLOWANCE));
    }

    /** Lets go and hides the stage (a session or maintenance runs). */
    public void release() {
        engaged = false;
        focusRetry.cancel();
        stage.hide();
    }

    public boolean engaged() {
        return engaged;
    }

    /** Puts everything right again while the focus is still not back (see {@link #FOCUS_RETRY}). */
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
            focusRetry.ringIn(FOCUS_RETRY);
        }
    }

    /**
     * Takes the focus back, unless one of the kiosk's own windows has it: a notice over the lock
     * screen (a mentor's message, "the mentor is coming") must keep the keyboard for its OK.
     * Once that window goes, the retry takes it back.
     */
    private void takeFocus() {
        if (engaged && !ownWindowFocused()) {
            stage.toFront();
            stage.requestFocus();
        }
    }

    private boolean ownWindowFocused() {
        for (Window window : Window.getWindows()) {
            if (window != stage && window.isShowing() && window.isFocused()) {
                return true;
            }
        }
        return false;
    }
}
