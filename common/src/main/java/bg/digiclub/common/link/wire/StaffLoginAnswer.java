package bg.digiclub.common.link.wire;

import java.time.Duration;
import java.util.Objects;

/**
 * The agent's answer to a staff login.
 *
 * @param token     for OK only: sent with every staff request; expires after a few idle minutes
 * @param lockedFor how long staff login stays locked; zero unless LOCKED
 */
public record StaffLoginAnswer(Outcome outcome, String token, Duration lockedFor) {
    public StaffLoginAnswer {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(lockedFor, "lockedFor");
    }

    @Override
    public String toString() {
        return "StaffLoginAnswer[outcome=" + outcome + ", lockedFor=" + lockedFor + "]";
    }

    /** Whether the staff PIN was accepted. */
    public enum Outcome {
        OK,
        WRONG_PIN,
        LOCKED
    }
}
