package bg.digiclub.common.link.wire;

import java.util.Objects;

/**
 * Staff unlock the PC for maintenance ({@code maintenance.start}) for {@code minutes}. When
 * maintenance ends ({@code maintenance.end}, no body and no token: locking is always allowed, or
 * its time runs out) the agent ends every program of the visitor's account.
 */
public record MaintenanceRequest(String staffToken, int minutes) {
    public static final int MAX_MINUTES = 240;

    public MaintenanceRequest {
        Objects.requireNonNull(staffToken, "staffToken");
        if (minutes < 1 || minutes > MAX_MINUTES) {
            throw new IllegalArgumentException("minutes must be between 1 and " + MAX_MINUTES + ", got " + minutes);
        }
    }

    @Override
    public String toString() {
        return "MaintenanceRequest[minutes=" + minutes + "]";
    }
}
