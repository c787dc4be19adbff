package bg.digiclub.common.link.wire;

/**
 * The answer to {@code session.open}: the PC's state as the agent sees it. Never a session's id
 * or secret: a kiosk that lost them (it was restarted) cannot take the session over; the agent
 * ends it as INTERRUPTED when its heartbeats stop.
 *
 * @param open       a session is open
 * @param outOfOrder the last reset of the visitor's home failed (the agent tries again every
 *                   minute); no session starts until one succeeds
 */
public record OpenSession(boolean open, boolean outOfOrder) {}
