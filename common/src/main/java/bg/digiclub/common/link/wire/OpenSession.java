package bg.digiclub.common.link.wire;

/**
 * Whether the agent holds a session open. Never its id or secret: a kiosk that lost them
 * (it was restarted) cannot take the session over; the agent ends it as INTERRUPTED when its
 * heartbeats stop, or when the next session starts.
 */
public record OpenSession(boolean open) {
}
