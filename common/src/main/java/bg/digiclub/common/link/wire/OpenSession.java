package bg.digiclub.common.link.wire;

/**
 * The session the agent still holds unfinished from before this kiosk started, or null.
 *
 * @param sessionId null if there is none
 */
public record OpenSession(String sessionId) {
}
