package bg.digiclub.kiosk.platform;

import java.io.IOException;

/**
 * Empties the desktop clipboard so the next visitor cannot paste what the previous one copied.
 *
 * <p>The platform implementations ({@link Platform#clipboardCleaner()}) work from outside the
 * JavaFX toolkit (on Linux through {@code xsel}); the UI may pass its own implementation built
 * on {@code javafx.scene.input.Clipboard} instead, or in addition, to the privacy wipe.
 */
@FunctionalInterface
public interface ClipboardCleaner {
    /**
     * Clears the clipboard.
     *
     * @throws IOException with a short reason the wipe records (for example the tool is missing)
     */
    void clear() throws IOException;
}
