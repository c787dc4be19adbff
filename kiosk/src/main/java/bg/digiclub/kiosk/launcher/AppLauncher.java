package bg.digiclub.kiosk.launcher;

import java.io.IOException;
import java.util.List;

/** Starts the club's allowed applications, and only those, and tracks what it started. */
public interface AppLauncher {
    /** Starts {@code app}; fails if it is not one of {@link #apps()} or cannot be started. */
    void launch(AllowedApp app) throws IOException;

    /** The allowed applications, in the order the launcher shows them. */
    List<AllowedApp> apps();
}
