package bg.digiclub.collector.live;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import bg.digiclub.collector.auth.User;
import bg.digiclub.common.live.ClubSettings;

/**
 * The club page's view of and hold on a club's PCs. Every method checks that {@code who} may see
 * the club ({@link User#maySee}) and throws {@link IllegalArgumentException} for a club or PC not
 * theirs, an unknown one, or bad arguments (the page answers 4xx with the message). Every change
 * is written to the audit log with who made it.
 */
public interface ClubConsole {

    /** The room view: a tile per enrolled PC of the club, by PC number. */
    List<PcTile> room(User who, String clubId) throws SQLException;

    /**
     * Stores a command for one PC ({@code deviceId}) or for every PC of the club ({@code deviceId}
     * null: one command per PC, each with its own id). How long it stays meaningful is the
     * kind's (docs/live.md); a PC that is off gets it when it returns only before then.
     *
     * @param request what to do; its fields are checked as {@code common.live.Command} checks them
     * @return the stored commands (one per PC)
     */
    List<CommandView> issue(User who, String clubId, UUID deviceId, CommandRequest request) throws SQLException;

    /** The club's latest commands, newest first, with their state and answer. */
    List<CommandView> commands(User who, String clubId, int limit) throws SQLException;

    /** The audit log of the club, newest first. */
    List<AuditEntry> audit(User who, String clubId, int limit) throws SQLException;

    /** The walk-up queue: numbers waiting and PCs held. */
    QueueView queue(User who, String clubId) throws SQLException;

    /** Adds the next number to the queue and returns it (numbers start at 1 each club day). */
    int enqueue(User who, String clubId) throws SQLException;

    /** Takes a number off the queue (served elsewhere, gone home). */
    void dequeue(User who, String clubId, int number) throws SQLException;

    /** The club's settings (opening hours, queue, grace). */
    ClubSettings settings(User who, String clubId) throws SQLException;

    /** Replaces the club's settings (the version is raised by the store; the given one is ignored). */
    ClubSettings changeSettings(User who, String clubId, ClubSettings settings) throws SQLException;
}
