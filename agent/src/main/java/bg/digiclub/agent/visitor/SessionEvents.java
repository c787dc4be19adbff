package bg.digiclub.agent.visitor;

/**
 * What the session authority tells those who act for the visitor only while a session is open
 * ({@link MediaAutomount}). It calls these under its own lock, in the order things happen, and a
 * listener must neither throw nor take long: every session change waits for it.
 */
public interface SessionEvents {
    /** Nobody listens. */
    SessionEvents NONE = new SessionEvents() {};

    /** A session has just opened: act for its visitor from now on. */
    default void sessionOpened() {}

    /**
     * The open session has ended and its reset is about to begin: stop acting for its visitor, and
     * when this returns, nothing more may be done for it (the reset undoes what was).
     */
    default void sessionEnding() {}

    /** A maintenance unlock is over (staff may have left things, a USB stick among them). */
    default void maintenanceOver() {}
}
