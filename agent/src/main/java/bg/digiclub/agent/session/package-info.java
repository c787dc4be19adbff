/**
 * The agent as the authority over this PC's sessions. {@link bg.digiclub.agent.session.SessionAuthority}
 * starts, heartbeats and ends sessions by the agent's own clock, one open at a time, each with a
 * secret its kiosk must present ({@code SessionSecrets}: only the hash is
 * stored); at the end it has the visitor's programs ended and home reset, and keeps the PC out of
 * order while a reset failed. {@link bg.digiclub.agent.session.SessionWatchdog} ends a session whose
 * kiosk went silent (INTERRUPTED) or let its time run out (TIMEOUT). The ledger
 * ({@link bg.digiclub.agent.session.SessionLedger}) records every session in SQLite the moment it
 * starts, with its heartbeats, its end reason and the reset's results; the usage statistics
 * aggregate it through {@link bg.digiclub.agent.session.SessionLedger#sessionsOverlapping}.
 */
package bg.digiclub.agent.session;
