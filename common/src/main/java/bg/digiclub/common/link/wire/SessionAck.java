package bg.digiclub.common.link.wire;

/**
 * The agent's answer to a session event.
 *
 * @param applied false if the event changed nothing because it had been delivered before (spool
 *                redelivery) or came after the session was closed
 */
public record SessionAck(boolean applied) {
}
