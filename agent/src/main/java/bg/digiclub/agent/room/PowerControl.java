package bg.digiclub.agent.room;

import java.util.Locale;
import java.util.Optional;

/**
 * Restarts or shuts down the PC, as staff ask from the club page and as the club's schedule does
 * after closing. One implementation per operating system, picked in {@link #forThisPc()}; tests
 * use a fake.
 */
public interface PowerControl {
    /**
     * Asks the system to restart now.
     *
     * @return empty when the system took the order, else what went wrong, in words for staff
     */
    Optional<String> restart();

    /** Asks the system to power off now; as {@link #restart()}. */
    Optional<String> shutdown();

    /** The implementation for the operating system the agent runs on. */
    static PowerControl forThisPc() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("linux")) {
            return new LinuxPowerControl();
        }
        if (os.startsWith("windows")) {
            return new WindowsPowerControl(System.getenv().getOrDefault("SystemRoot", "C:\\Windows"));
        }
        return new UnsupportedPowerControl(System.getProperty("os.name", "this system"));
    }
}
