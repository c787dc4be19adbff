package bg.digiclub.kiosk.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Large-text and high-contrast modes, switched on the lock screen and applied to every kiosk
 * window. They are one visitor's choice: {@link #reset()} puts the club's defaults back for the
 * next visitor, as the language is put back (someone who needed large text must not leave the
 * next person a screen they did not ask for, nor the other way round).
 */
public final class DisplayMode {
    private final boolean largeTextDefault;
    private final boolean highContrastDefault;
    private final ReadOnlyBooleanWrapper largeText = new ReadOnlyBooleanWrapper(this, "largeText");
    private final ReadOnlyBooleanWrapper highContrast = new ReadOnlyBooleanWrapper(this, "highContrast");

    /** Both modes off by default. */
    public DisplayMode() {
        this(false, false);
    }

    /** The club's defaults, which every new visitor starts from. */
    public DisplayMode(boolean largeTextDefault, boolean highContrastDefault) {
        this.largeTextDefault = largeTextDefault;
        this.highContrastDefault = highContrastDefault;
        reset();
    }

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

    /** Back to the club's defaults, for the next visitor. */
    public void reset() {
        largeText.set(largeTextDefault);
        highContrast.set(highContrastDefault);
    }
}
