package bg.digiclub.kiosk.agentlink;

/**
 * The PC as the agent sees it.
 *
 * @param sessionOpen a session is still open (one a restarted kiosk lost, until the agent ends it)
 * @param outOfOrder  the last visitor's data could not be removed; no session starts until it is
 */
public record PcStatus(boolean sessionOpen, boolean outOfOrder) {}
