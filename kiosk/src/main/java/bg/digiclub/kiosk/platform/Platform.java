package bg.digiclub.kiosk.platform;

/**
 * One operating system's implementations of the kiosk's platform concerns. Obtained from
 * {@code current.Platforms.current()}; nothing else in the kiosk asks which OS it runs on.
 */
public interface Platform {
    /**
     * The suffix of per-OS configuration keys on this OS, e.g. {@code linux} in
     * {@code app.browser.command.linux}.
     */
    String configKey();

    /** A new idle monitor; the caller closes it. */
    IdleMonitor idleMonitor();
}
