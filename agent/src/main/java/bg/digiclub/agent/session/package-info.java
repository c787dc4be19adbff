/**
 * The session ledger: every visitor session of this PC, recorded in SQLite the moment it starts,
 * heartbeated while it runs, closed with a reason and the privacy-wipe results. The usage
 * statistics aggregate it through {@link bg.digiclub.agent.session.SessionLedger#sessionsOverlapping}.
 */
package bg.digiclub.agent.session;
