package bg.digiclub.kiosk.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import bg.digiclub.common.link.TileCategory;

/**
 * One application the club allows visitors to start.
 *
 * @param id      the config id, e.g. {@code browser} from {@code app.browser.name}
 * @param name    what the launcher shows, e.g. {@code Браузър}
 * @param icon    the icon file, or null to show a generic one
 * @param command  the program and its arguments for this OS, as an argv list (never run by a shell)
 * @param category what visitors come to do with it: the launcher's group, counted in the statistics
 */
public record AllowedApp(String id, String name, Path icon, List<String> command, TileCategory category) {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    public AllowedApp {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(category, "category");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("app id '" + id + "' must be lower-case letters, digits, '-' or '_'");
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("app " + id + ": name is blank");
        }
        command = List.copyOf(command);
        if (command.isEmpty() || command.get(0).isBlank()) {
            throw new IllegalArgumentException("app " + id + ": command is empty");
        }
    }
}
