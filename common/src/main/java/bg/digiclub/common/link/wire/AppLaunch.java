package bg.digiclub.common.link.wire;

import java.util.List;
import java.util.Objects;

import bg.digiclub.common.link.TileCategory;

/**
 * The kiosk asks the agent to start one of the club's programs as the visitor's account: during
 * a session (its id and secret) or during maintenance (a staff token).
 *
 * @param display  the X display the program opens on (e.g. {@code :0}); null on Windows
 * @param category the category of the launcher's tile, which the agent counts for the session's day
 */
public record AppLaunch(
        String sessionId, String secret, String staffToken, List<String> argv, String display, TileCategory category) {
    public AppLaunch {
        Objects.requireNonNull(category, "category");
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("argv must name a program");
        }
        if ((sessionId == null) != (secret == null)) {
            throw new IllegalArgumentException("sessionId and secret go together");
        }
        if ((secret == null) == (staffToken == null)) {
            throw new IllegalArgumentException("either a session's secret or a staff token, not both");
        }
        Objects.requireNonNull(argv.get(0), "argv[0]");
    }

    @Override
    public String toString() {
        return "AppLaunch[sessionId=" + sessionId + ", argv=" + argv + ", display=" + display + ", category=" + category
                + "]";
    }
}
