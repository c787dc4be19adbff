package bg.digiclub.kiosk.navigation;

/** What the kiosk shows right now. */
public enum Screen {
    /**
     * Preparing the computer: at start-up, while the agent starts a session, or while it ends one
     * and resets the visitor; nothing can be pressed.
     */
    PREPARING,
    /** The lock screen with its three ways in. */
    LOCK,
    /** The guest form: rules and optional demographics. */
    GUEST,
    /** Member login: card code and PIN. */
    MEMBER,
    /** Staff PIN and, once it is right, the staff panel. */
    STAFF,
    /** A visitor's session: only the session bar is up. */
    SESSION,
    /** Maintenance unlock: the kiosk has stepped aside and relocks by itself. */
    MAINTENANCE
}
