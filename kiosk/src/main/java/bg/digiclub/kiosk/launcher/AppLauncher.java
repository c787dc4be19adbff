package bg.digiclub.kiosk.launcher;

import java.io.IOException;
import java.util.List;

/** Starts the club's allowed applications, and only those. */
public interface AppLauncher {
    /**
     * Starts {@code app}, which must be one of {@link #apps()}.
     *
     * @throws IOException              if the program cannot be started; the message names the app
     * @throws IllegalArgumentException if {@code app} is not one of {@link #apps()}
     */
    void launch(AllowedApp app) throws IOException;

    /**
     * True for the demo's launcher, which starts nothing: the menu then says so, or a visitor's
     * press would seem to do nothing at all.
     */
    default boolean startsNothing() {
        return false;
    }

    /** The allowed applications in display order. */
    List<AllowedApp> apps();
}
