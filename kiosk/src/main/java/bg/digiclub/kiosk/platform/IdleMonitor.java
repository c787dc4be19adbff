package bg.digiclub.kiosk.platform;

import java.time.Duration;
import java.util.Optional;

/**
 * Time since the last keyboard or mouse input anywhere on the desktop (other applications'
 * input counts), from the OS: the X11 screensaver extension on Linux, GetLastInputInfo on
 * Windows. Implementations are chosen in {@code current.Platforms}.
 */
public interface IdleMonitor extends AutoCloseable {
    /** Idle time now, or empty if the OS cannot tell (no display, no extension). */
    Optional<Duration> idleTime();

    @Override
    void close();
}
