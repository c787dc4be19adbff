/**
 * The agent's end of the kiosk link: a Unix-domain socket server ({@link bg.digiclub.agent.link.LinkServer})
 * that admits only configured accounts ({@link bg.digiclub.agent.link.PeerPolicy}), reads one
 * JSON request per line ({@link bg.digiclub.agent.link.FrameReader}, size-capped), and answers
 * it through the {@link bg.digiclub.agent.link.RequestDispatcher} from the session authority, the
 * member store, the staff PIN and the health report.
 *
 * <p>Any admitted account may open the socket and ask anything, so the link checks who may ask
 * what: every staff action (cards, extend, a STAFF end, a maintenance unlock) needs a short-lived staff
 * token that only the staff PIN gives ({@link bg.digiclub.support.expiry.ExpiringTokens}); a member
 * session and a member's declaration need the ticket of a login with the member's PIN
 * ({@code MemberTickets}); heartbeat, end and launch need the session's
 * secret (checked by the session authority); PIN checks are slow, serialized
 * and locked out after five failures; a connection idle too long is closed; connections and
 * requests are limited per account ({@link bg.digiclub.agent.link.PeerLimits}), with the kiosk's
 * account in slots of its own, so another account cannot starve the kiosk of the link; no text in
 * a request is longer than 1024 characters ({@link bg.digiclub.agent.link.RequestDispatcher}).
 * See {@code docs/kiosk.md} ("The kiosk link") for the message types and who may send what
 * (common's {@code bg.digiclub.common.link.wire}).
 */
package bg.digiclub.agent.link;
