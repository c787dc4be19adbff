package bg.digiclub.kiosk.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Large-text and high-contrast modes, switched on the lock screen and applied to every kiosk
 * window. They stay on across sessions: the next visitor at this PC most likely needs the same.
 */
public final class DisplayMode {
    private final ReadOnlyBooleanWrapper largeText = new ReadOnlyBooleanWrapper(this, "largeText");
    private final ReadOnlyBooleanWrapper highContrast = new ReadOnlyBooleanWrapper(this, "highContrast");

    public ReadOnlyBooleanProperty largeTextProperty() {
        return largeText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty highContrastProperty() {
        return highContrast.getReadOnlyProperty();
    }

    public void toggleLargeText() {
        largeText.set(!largeText.get());
    }

    public void toggleHighContrast() {
        highContrast.set(!highContrast.get());
    }
}
