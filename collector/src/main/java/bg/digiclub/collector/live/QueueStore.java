package bg.digiclub.collector.live;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The walk-up queue of each club: numbers of a club day from 1, waiting in order, or held by a PC
 * that freed up until a time. A hold that runs out puts its number back at the head once; the
 * second time the number is dropped as "did not come". Holds are taken with a conditional update,
 * so that two PCs freeing up at once on two instances never hold the same number.
 */
final class QueueStore {
    /** A number whose hold ran out: back at the head of the queue, or dropped ({@code dropped}). */
    record Lapsed(String clubId, long clubDay, int number, UUID deviceId, boolean dropped) {}

    /** A PC's hold: the number it is kept for, until when. */
    record Hold(int number, Instant until) {}

    int enqueue(Connection c, String clubId, long clubDay, Instant now) throws SQLException {
        int number;
        long position;
        try (PreparedStatement next = c.prepareStatement("SELECT COALESCE(MAX(number), 0) + 1,"
                + " COALESCE(MAX(position), 0) + 1 FROM live_queue WHERE club_id = ? AND club_day = ?")) {
            next.setString(1, clubId);
            next.setLong(2, clubDay);
            try (ResultSet row = next.executeQuery()) {
                row.next();
                number = row.getInt(1);
                position = row.getLong(2);
            }
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO live_queue"
                + " (club_id, club_day, number, state, position, queued_at) VALUES (?, ?, ?, 'WAITING', ?, ?)")) {
            insert.setString(1, clubId);
            insert.setLong(2, clubDay);
            insert.setInt(3, number);
            insert.setLong(4, position);
            insert.setLong(5, now.getEpochSecond());
            insert.executeUpdate();
        }
        return number;
    }

    /** Takes a waiting or held number off; false if the club day has no such number waiting. */
    boolean remove(Connection c, String clubId, long clubDay, int number) throws SQLException {
        return finish(c, clubId, clubDay, number, "REMOVED");
    }

    /** The numbers waiting on the club day, in turn. */
    List<Integer> waiting(Connection c, String clubId, long clubDay) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT number FROM live_queue WHERE club_id = ?"
                + " AND club_day = ? AND state = 'WAITING' ORDER BY position, number")) {
            select.setString(1, clubId);
            select.setLong(2, clubDay);
            List<Integer> numbers = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    numbers.add(row.getInt(1));
                }
            }
            return numbers;
        }
    }

    /** The club's PCs held for a number, by PC number. */
    List<QueueView.Hold> held(Connection c, String clubId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT q.number, d.number, q.held_until FROM live_queue q"
                + " JOIN devices d ON d.id = q.held_device WHERE q.club_id = ? AND q.state = 'HELD'"
                + " ORDER BY d.number")) {
            select.setString(1, clubId);
            List<QueueView.Hold> holds = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    holds.add(new QueueView.Hold(row.getInt(1), row.getInt(2), Instant.ofEpochSecond(row.getLong(3))));
                }
            }
            return holds;
        }
    }

    /** The number this PC is held for, if any. */
    Optional<Hold> holdOf(Connection c, UUID deviceId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT number, held_until FROM live_queue WHERE held_device = ? AND state = 'HELD'")) {
            select.setString(1, deviceId.toString());
            try (ResultSet row = select.executeQuery()) {
                return row.next()
                        ? Optional.of(new Hold(row.getInt(1), Instant.ofEpochSecond(row.getLong(2))))
                        : Optional.empty();
            }
        }
    }

    /**
     * Holds the PC for the first waiting number of the club day until {@code until}, unless it is
     * held already or nobody waits. Returns the number held.
     */
    Optional<Integer> hold(Connection c, String clubId, long clubDay, UUID deviceId, Instant until)
            throws SQLException {
        if (holdOf(c, deviceId).isPresent()) {
            return Optional.empty();
        }
        for (int number : waiting(c, clubId, clubDay)) {
            try (PreparedStatement update = c.prepareStatement("UPDATE live_queue SET state = 'HELD',"
                    + " held_device = ?, held_until = ? WHERE club_id = ? AND club_day = ? AND number = ?"
                    + " AND state = 'WAITING'")) {
                update.setString(1, deviceId.toString());
                update.setLong(2, until.getEpochSecond());
                update.setString(3, clubId);
                update.setLong(4, clubDay);
                update.setInt(5, number);
                if (update.executeUpdate() == 1) {
                    return Optional.of(number);
                }
            }
        }
        return Optional.empty();
    }

    /** The PC reports a session started on the number's turn: the number was served. True if it was open. */
    boolean served(Connection c, String clubId, long clubDay, int number) throws SQLException {
        return finish(c, clubId, clubDay, number, "SERVED");
    }

    /** A waiting or held number leaves the queue as {@code state} (its hold released); true if it was there. */
    private static boolean finish(Connection c, String clubId, long clubDay, int number, String state)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE live_queue SET state = ?,"
                + " held_device = NULL, held_until = NULL WHERE club_id = ? AND club_day = ? AND number = ?"
                + " AND state IN ('WAITING', 'HELD')")) {
            update.setString(1, state);
            update.setString(2, clubId);
            update.setLong(3, clubDay);
            update.setInt(4, number);
            return update.executeUpdate() == 1;
        }
    }

    /** Ends the holds that ran out at {@code now}: back to the head of its day's queue once, then dropped. */
    List<Lapsed> lapse(Connection c, Instant now) throws SQLException {
        List<Lapsed> lapsed = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT club_id, number, held_device, returned, club_day"
                + " FROM live_queue WHERE state = 'HELD' AND held_until <= ?")) {
            select.setLong(1, now.getEpochSecond());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    lapsed.add(new Lapsed(
                            row.getString(1),
                            row.getLong(5),
                            row.getInt(2),
                            UUID.fromString(row.getString(3)),
                            row.getInt(4) > 0));
                }
            }
        }
        List<Lapsed> done = new ArrayList<>();
        for (Lapsed one : lapsed) {
            // conditional on the hold being the one read: another instance's sweep may have got it first
            String change = one.dropped()
                    ? "state = 'NO_SHOW', held_device = NULL, held_until = NULL"
                    : "state = 'WAITING', returned = returned + 1, held_device = NULL, held_until = NULL,"
                            + " position = (SELECT COALESCE(MIN(w.position), 1) - 1 FROM live_queue w"
                            + " WHERE w.club_id = ? AND w.club_day = ? AND w.state = 'WAITING')";
            try (PreparedStatement update = c.prepareStatement("UPDATE live_queue SET " + change
                    + " WHERE club_id = ? AND club_day = ? AND number = ? AND state = 'HELD' AND held_until <= ?")) {
                int i = 1;
                if (!one.dropped()) {
                    update.setString(i++, one.clubId());
                    update.setLong(i++, one.clubDay());
                }
                update.setString(i++, one.clubId());
                update.setLong(i++, one.clubDay());
                update.setInt(i++, one.number());
                update.setLong(i, now.getEpochSecond());
                if (update.executeUpdate() == 1) {
                    done.add(one);
                }
            }
        }
        return done;
    }
}
