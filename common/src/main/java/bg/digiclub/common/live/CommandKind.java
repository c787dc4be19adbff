package bg.digiclub.common.live;

/**
 * What staff can ask a PC to do from the club page, each run by the agent with the same rules as
 * the staff panel's action. Which fields of {@link Command} each needs is checked by the record.
 */
public enum CommandKind {
    /** {@code text} shown over everything on the kiosk until the visitor acknowledges it. */
    MESSAGE,
    /** {@code minutes} more for the session that started at {@code sessionStarted}. */
    EXTEND,
    /** Ends the session that started at {@code sessionStarted}, with the normal end and reset. */
    END_SESSION,
    /** Takes the PC out of service (a running session ends first, normally); it stays locked until UNLOCK. */
    LOCK,
    /** Puts a locked PC back in service. */
    UNLOCK,
    /** Unlocks the PC for maintenance for {@code minutes} (refused while a session runs). */
    MAINTENANCE_START,
    /** Ends maintenance now: the lock screen is back and the visitor's programs are ended. */
    MAINTENANCE_END,
    /** Restarts the PC (a running session ends first, normally). */
    RESTART,
    /** Shuts the PC down (a running session ends first, normally). */
    SHUTDOWN,
    /** Staff saw the visitor's call for help: the kiosk tells the visitor so. */
    ANSWER_HELP,
    /** Staff allow the visitor {@code minutes} of grace beyond the one the visitor may take alone. */
    ALLOW_GRACE,
    /** Staff approve one new session on this PC although people are waiting. */
    APPROVE_SESSION,
    /** Sends a Wake-on-LAN packet to the club's PC {@code target} (run by a PC of the same club that is on). */
    WAKE
}
