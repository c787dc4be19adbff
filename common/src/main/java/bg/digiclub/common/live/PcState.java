package bg.digiclub.common.live;

import java.time.Instant;

import bg.digiclub.common.batch.Require;
import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.common.link.VisitorKind;

/**
 * The PC's state, sent on connect and within a few seconds of every change (and at least every
 * 30 s while nothing changes, as a sign of life). Nothing in it identifies the visitor.
 *
 * @param at             the agent's clock when the state was taken
 * @param mode           what the PC is doing
 * @param visitor        GUEST or MEMBER while {@code mode} is IN_SESSION, else null
 * @param minutesLeft    whole minutes left of the session, rounded up; null unless IN_SESSION
 * @param sessionStarted when the running session started (whole seconds); null unless IN_SESSION.
 *                       Commands for "this session" (extend, end) carry it back, so a command
 *                       never reaches the next visitor's session
 * @param health         the worst status of the PC's health checks
 * @param helpCalled     the visitor pressed "Help" and no staff answered yet
 * @param reservedFor    the queue number the PC is held for, or null
 * @param servedTicket   the queue number whose turn started the running session, or null
 * @param agentVersion   the agent's version, for the municipality's IT
 */
public record PcState(
        Instant at,
        PcMode mode,
        VisitorKind visitor,
        Integer minutesLeft,
        Instant sessionStarted,
        HealthStatus health,
        boolean helpCalled,
        Integer reservedFor,
        Integer servedTicket,
        String agentVersion)
        implements LiveMessage {
    public PcState {
        Require.present(at, "at");
        Require.present(mode, "mode");
        Require.present(health, "health");
        boolean inSession = mode == PcMode.IN_SESSION;
        if (inSession != (visitor != null)
                || inSession != (minutesLeft != null)
                || inSession != (sessionStarted != null)) {
            throw new IllegalArgumentException(
                    "visitor, minutesLeft and sessionStarted are given exactly when IN_SESSION");
        }
        if (minutesLeft != null) {
            Require.range(minutesLeft, 0, 24 * 60, "minutesLeft");
        }
        if (sessionStarted != null && sessionStarted.getNano() != 0) {
            throw new IllegalArgumentException("sessionStarted must be whole seconds, was " + sessionStarted);
        }
        if (reservedFor != null) {
            Require.range(reservedFor, 1, Command.MAX_TICKET, "reservedFor");
        }
        if (servedTicket != null) {
            Require.range(servedTicket, 1, Command.MAX_TICKET, "servedTicket");
        }
        Require.matches(agentVersion, Command.SHORT_TEXT, "agentVersion");
    }
}
