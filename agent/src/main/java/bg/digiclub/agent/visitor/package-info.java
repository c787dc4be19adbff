/**
 * The visitor's OS account, which the agent controls: {@link bg.digiclub.agent.visitor.VisitorAccount}
 * ends every program of that account (by uid, {@code kill -KILL -1} run as it, not by scanning
 * pids), unmounts its removable media (what udisks mounted below its media directories, found in
 * the mount table), resets its whole home from a template (the old home renamed aside into a
 * root-only directory and deleted in the background, never following a link; in place when the home
 * is a mount point of its own), sweeps its own entries from shared temp directories, and starts
 * programs as it. While a session is open, {@link bg.digiclub.agent.visitor.MediaAutomount} mounts the
 * sticks the visitor plugs in, as the visitor through udisks, never one left behind by an earlier
 * visitor until it is plugged in again ({@link bg.digiclub.agent.visitor.SessionEvents} tells it of
 * sessions).
 * {@link bg.digiclub.agent.visitor.VisitorAccounts#forThisPc} picks the implementation: Linux with
 * a configured account, or one that reports every reset as failed. See {@code docs/visitor-reset.md}.
 */
package bg.digiclub.agent.visitor;
