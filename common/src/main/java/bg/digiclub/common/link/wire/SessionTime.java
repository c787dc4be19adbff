package bg.digiclub.common.link.wire;

/**
 * The time a running session has left by the agent's clock: the answer to a heartbeat and to an
 * extension. The kiosk's countdown follows it.
 */
public record SessionTime(long remainingSeconds) {}
