package bg.digiclub.kiosk.platform;

import java.util.Set;

/**
 * One operating system's implementations of the kiosk's platform concerns. Obtained from
 * {@link Platforms#current()}; nothing else in the kiosk asks which OS it runs on.
 */
public interface Platform {
    /**
     * The suffix of per-OS configuration keys on this OS, e.g. {@code linux} in
     * {@code app.browser.command.linux}.
     */
    String configKey();

    /** A new idle monitor; the caller closes it. */
    IdleMonitor idleMonitor();

    /**
     * Ends the processes of {@code visitorUser} except the kiosk itself, its ancestors and
     * programs whose executable's file name is in {@code keepExecutables} (for example the
     * window manager the session script started beside the kiosk).
     */
    SessionProcesses sessionProcesses(String visitorUser, Set<String> keepExecutables);

    /** Clears the desktop clipboard from outside any UI toolkit. */
    ClipboardCleaner clipboardCleaner();
}
