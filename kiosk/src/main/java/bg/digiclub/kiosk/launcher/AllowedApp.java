package bg.digiclub.kiosk.launcher;

import java.nio.file.Path;
import java.util.List;

/**
 * One application the club allows in a session, from the {@code app.*} config section.
 *
 * @param id      stable id from the config key
 * @param name    the name shown on the launcher
 * @param icon    an image file for the launcher, or null
 * @param command the program and its arguments for this OS
 */
public record AllowedApp(String id, String name, Path icon, List<String> command) {
}
