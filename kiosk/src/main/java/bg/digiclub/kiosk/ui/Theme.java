package bg.digiclub.kiosk.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.text.Font;

/**
 * The kiosk's look: one stylesheet, a bundled DejaVu Sans (it has Cyrillic, whatever fonts the
 * PC has; the JavaFX default on a bare Linux may render Bulgarian as boxes), and the large-text
 * and high-contrast classes that follow {@link DisplayMode}.
 */
public final class Theme {
    /** The family every kiosk text uses; the stylesheet names it. */
    public static final String FONT_FAMILY = "DejaVu Sans";

    private static final String STYLESHEET = "kiosk.css";
    private static final String[] FONTS = {"fonts/DejaVuSans.ttf", "fonts/DejaVuSans-Bold.ttf"};
    private static boolean fontsLoaded;

    private final DisplayMode displayMode;

    public Theme(DisplayMode displayMode) {
        this.displayMode = Objects.requireNonNull(displayMode, "displayMode");
        loadFonts();
    }

    private static synchronized void loadFonts() {
        if (fontsLoaded) {
            return;
        }
        for (String file : FONTS) {
            try (InputStream in = Theme.class.getResourceAsStream(file)) {
                if (in == null || Font.loadFont(in, 12) == null) {
                    throw new IllegalStateException("bundled font " + file + " could not be loaded");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("bundled font " + file, e);
            }
        }
        fontsLoaded = true;
    }

    public DisplayMode displayMode() {
        return displayMode;
    }

    /** Styles a scene and keeps its root's classes in step with the display mode. */
    public Scene style(Scene scene) {
        scene.getStylesheets()
                .add(Objects.requireNonNull(Theme.class.getResource(STYLESHEET), STYLESHEET)
                        .toExternalForm());
        Parent root = scene.getRoot();
        follow(root, "large-text", displayMode.largeTextProperty().get());
        follow(root, "high-contrast", displayMode.highContrastProperty().get());
        displayMode.largeTextProperty().addListener((obs, old, on) -> follow(root, "large-text", on));
        displayMode.highContrastProperty().addListener((obs, old, on) -> follow(root, "high-contrast", on));
        KeyboardActivation.install(scene);
        return scene;
    }

    private static void follow(Parent root, String styleClass, boolean on) {
        root.getStyleClass().remove(styleClass);
        if (on) {
            root.getStyleClass().add(styleClass);
        }
    }
}
