package bg.digiclub.kiosk.session;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import bg.digiclub.kiosk.config.KioskConfig;

/**
 * The timing rules of a session.
 *
 * @param guestLength       how long a guest session lasts
 * @param warnings          remaining times that raise a warning, in any order
 * @param idleTimeout       input-free time after which the idle warning appears
 * @param idleGrace         how long the idle warning waits for an answer
 * @param heartbeatInterval how often the agent hears the session is alive
 */
public record SessionSettings(
        Duration guestLength,
        List<Duration> warnings,
        Duration idleTimeout,
        Duration idleGrace,
        Duration heartbeatInterval) {
    /** The agent expects a heartbeat every 30 s (DESIGN.md, "Nothing is lost"). */
    public static final Duration HEARTBEAT = Duration.ofSeconds(30);

    public SessionSettings {
        Objects.requireNonNull(guestLength, "guestLength");
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(idleGrace, "idleGrace");
        Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
    }

    public static SessionSettings from(KioskConfig config) {
        return new SessionSettings(
                config.sessionLength(), config.warnings(), config.idleTimeout(), config.idleGrace(), HEARTBEAT);
    }
}
