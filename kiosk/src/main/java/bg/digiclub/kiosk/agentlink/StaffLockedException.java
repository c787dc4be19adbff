package bg.digiclub.kiosk.agentlink;

import java.time.Duration;
import java.util.Objects;

/**
 * Staff login is locked after repeated wrong staff PINs; {@link #lockedFor()} says for how much
 * longer, so the staff panel can say so instead of "the agent does not answer".
 */
public final class StaffLockedException extends AgentRefusedException {
    private static final long serialVersionUID = 1L;

    private final Duration lockedFor;

    public StaffLockedException(Duration lockedFor) {
        super(
                STAFF_LOCKED,
                "staff login is locked for "
                        + Objects.requireNonNull(lockedFor, "lockedFor").toSeconds()
                        + " more second(s) after repeated wrong PINs");
        this.lockedFor = lockedFor;
    }

    /** How long the lock still lasts, as the agent said. */
    public Duration lockedFor() {
        return lockedFor;
    }
}
