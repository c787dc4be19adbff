package bg.digiclub.common.live;

/**
 * What a PC is doing, as the mentor's room view shows it. "Off" is not here: the collector shows a
 * PC off when it holds no live connection of it.
 */
public enum PcMode {
    /** The lock screen: a visitor may start a session. */
    FREE,
    /** A visitor's session is running. */
    IN_SESSION,
    /** Staff unlocked the PC for maintenance for a while (no session, nothing counted). */
    MAINTENANCE,
    /** Taken out of service by staff: no session starts until staff put it back. */
    LOCKED,
    /** The last reset of the visitor's home failed: no session starts until one succeeds. */
    OUT_OF_ORDER,
    /** Outside the club's opening hours: no session starts. */
    CLOSED
}
