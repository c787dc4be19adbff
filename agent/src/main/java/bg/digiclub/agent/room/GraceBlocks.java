package bg.digiclub.agent.room;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import bg.digiclub.agent.session.SessionRecord;
import bg.digiclub.common.live.Command;

/**
 * The grace a session may take at its end: the visitor's own block once per session (when the club
 * allows grace and nobody waits) and the blocks staff allowed (ALLOW_GRACE, even with people
 * waiting), each offered in the session's last {@link #WINDOW}, never past closing. What was taken
 * is kept on disk, so an agent restart gives no second block. Not thread-safe: {@link ClubRoom}
 * guards it.
 */
final class GraceBlocks {
    /** The grace block is offered in a session's last minutes. */
    static final Duration WINDOW = Duration.ofMinutes(5);

    private final RoomStore store;
    private String ownTakenBy;
    private String staffSession;
    private int staffMinutes;

    GraceBlocks(RoomStore store, RoomStore.Saved saved) {
        this.store = Objects.requireNonNull(store, "store");
        this.ownTakenBy = saved.graceSession();
        this.staffSession = saved.staffGraceSession();
        this.staffMinutes = saved.staffGraceMinutes();
    }

    /** What the club allows now: its grace block, people waiting, the end of the opening. */
    record Club(int graceMinutes, boolean waiting, Optional<Instant> closing) {}

    /** A block taken, to give back if the session could not be extended. */
    record Taken(int minutes, boolean own, String ownBefore, String staffSessionBefore, int staffMinutesBefore) {}

    /** The minutes {@code open} may take now; 0 when none. */
    int offer(SessionRecord open, Instant now, Club club) {
        Duration left = Duration.between(now, open.endsAt());
        if (left.isNegative() || left.isZero() || left.compareTo(WINDOW) > 0) {
            return 0;
        }
        int minutes = ownLeft(open, club) ? club.graceMinutes() : open.id().equals(staffSession) ? staffMinutes : 0;
        if (club.closing().isPresent()) {
            // never past closing: the block shrinks to what is left of the day
            long beforeClosing =
                    Duration.between(open.endsAt(), club.closing().get()).toMinutes();
            minutes = (int) Math.max(0, Math.min(minutes, beforeClosing));
        }
        return minutes;
    }

    /** Takes the block offered now (the caller checked it is not 0) and keeps that on disk. */
    Taken take(SessionRecord open, Instant now, Club club) throws SQLException {
        Taken taken = new Taken(offer(open, now, club), ownLeft(open, club), ownTakenBy, staffSession, staffMinutes);
        if (taken.own()) {
            ownTakenBy = open.id();
        } else {
            staffSession = null;
            staffMinutes = 0;
        }
        save();
        return taken;
    }

    /** The session could not be extended: the block is offered again. */
    void giveBack(Taken taken) throws SQLException {
        ownTakenBy = taken.ownBefore();
        staffSession = taken.staffSessionBefore();
        staffMinutes = taken.staffMinutesBefore();
        save();
    }

    /** Staff allow {@code minutes} more for {@code open}: @return the minutes staff allowed it in all */
    int allow(SessionRecord open, int minutes) throws SQLException {
        if (!open.id().equals(staffSession)) {
            staffSession = open.id();
            staffMinutes = 0;
        }
        staffMinutes = Math.min(Command.MAX_MINUTES, staffMinutes + minutes);
        save();
        return staffMinutes;
    }

    /** Why no block is offered now, for the kiosk's refusal. */
    String whyNot(SessionRecord open, Instant now, Club club) {
        if (Duration.between(now, open.endsAt()).compareTo(WINDOW) > 0) {
            return "grace is offered in the session's last " + WINDOW.toMinutes() + " minutes";
        }
        if (open.id().equals(ownTakenBy)) {
            return "this session took its grace already";
        }
        if (club.waiting()) {
            return "people are waiting for a PC";
        }
        return "no grace is allowed now";
    }

    private boolean ownLeft(SessionRecord open, Club club) {
        return club.graceMinutes() > 0 && !open.id().equals(ownTakenBy) && !club.waiting();
    }

    private void save() throws SQLException {
        store.saveGrace(ownTakenBy, staffSession, staffMinutes);
    }
}
