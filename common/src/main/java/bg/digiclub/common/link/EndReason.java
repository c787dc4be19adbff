package bg.digiclub.common.link;

/** Why a session ended. */
public enum EndReason {
    /** The visitor pressed "End session". */
    LOGOUT,
    /** The session's time ran out. */
    TIMEOUT,
    /** No input for the configured idle time. */
    IDLE,
    /** A staff member ended it from the staff panel. */
    STAFF,
    /** The kiosk or the PC died during the session; closed at the next start. */
    INTERRUPTED
}
