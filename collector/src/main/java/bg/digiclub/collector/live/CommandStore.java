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

import bg.digiclub.common.live.Command;
import bg.digiclub.common.live.CommandAck;
import bg.digiclub.common.live.CommandKind;
import bg.digiclub.support.sql.Rows;

/**
 * The commands table, the one truth of where each command is: PENDING until an instance holding
 * the PC's connection claims it (SENT, in the same statement that checks it is still PENDING and
 * meaningful, so two instances never both send it first), then the PC's answer, or EXPIRED.
 */
final class CommandStore {
    private static final String COLUMNS = "k.id, k.device_id, d.number, k.kind, k.minutes, k.text, k.issued_by,"
            + " k.issued_at, k.expires_at, k.state, k.answered_at, k.detail, k.session_started, k.target";

    /** A command not answered yet and still meaningful, for delivery. */
    record Open(UUID deviceId, Command command, CommandState state) {}

    /**
     * Stores a PENDING command, after the PC's earlier ones (two instances storing one for the same
     * PC at once: one of them fails on the unique sequence, and is to try again).
     */
    void insert(Connection c, String clubId, UUID deviceId, Command command, String issuedBy) throws SQLException {
        long seq;
        try (PreparedStatement next =
                c.prepareStatement("SELECT COALESCE(MAX(seq), 0) + 1 FROM live_commands WHERE device_id = ?")) {
            next.setString(1, deviceId.toString());
            try (ResultSet row = next.executeQuery()) {
                row.next();
                seq = row.getLong(1);
            }
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO live_commands (id, club_id, device_id, kind,"
                + " minutes, text, session_started, target, issued_by, issued_at, expires_at, state, seq)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, command.id().toString());
            insert.setString(2, clubId);
            insert.setString(3, deviceId.toString());
            insert.setString(4, command.kind().name());
            insert.setObject(5, command.minutes());
            insert.setString(6, command.text());
            insert.setObject(
                    7,
                    command.sessionStarted() == null
                            ? null
                            : command.sessionStarted().getEpochSecond());
            insert.setString(
                    8, command.target() == null ? null : command.target().toString());
            insert.setString(9, issuedBy);
            insert.setLong(10, command.issuedAt().getEpochSecond());
            insert.setLong(11, command.expiresAt().getEpochSecond());
            insert.setString(12, CommandState.PENDING.name());
            insert.setLong(13, seq);
            insert.executeUpdate();
        }
    }

    /** The club's latest commands, newest first. */
    List<CommandView> views(Connection c, String clubId, int limit) throws SQLException {
        return views(c, "k.club_id = ? ORDER BY k.issued_at DESC, d.number DESC, k.seq DESC LIMIT " + limit, clubId);
    }

    /** One command as the page shows it. */
    Optional<CommandView> view(Connection c, UUID id) throws SQLException {
        return views(c, "k.id = ?", id.toString()).stream().findFirst();
    }

    private List<CommandView> views(Connection c, String where, String argument) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM live_commands k JOIN devices d ON d.id = k.device_id WHERE " + where)) {
            select.setString(1, argument);
            List<CommandView> views = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    views.add(new CommandView(
                            UUID.fromString(row.getString(1)),
                            UUID.fromString(row.getString(2)),
                            row.getInt(3),
                            CommandKind.valueOf(row.getString(4)),
                            Rows.intOrNull(row, 5),
                            row.getString(6),
                            row.getString(7),
                            Instant.ofEpochSecond(row.getLong(8)),
                            Instant.ofEpochSecond(row.getLong(9)),
                            CommandState.valueOf(row.getString(10)),
                            Rows.epochSecondOrNull(row, 11),
                            row.getString(12)));
                }
            }
            return views;
        }
    }

    /**
     * The commands still to be delivered (PENDING or SENT, not expired at {@code now}) of one PC, or
     * of all PCs when {@code deviceId} is null, each PC's in the order they were issued.
     */
    List<Open> open(Connection c, UUID deviceId, Instant now) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM live_commands k JOIN devices d ON d.id = k.device_id"
                + " WHERE k.state IN ('PENDING', 'SENT') AND k.expires_at > ?"
                + (deviceId == null ? "" : " AND k.device_id = ?")
                + " ORDER BY k.device_id, k.seq";
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setLong(1, now.getEpochSecond());
            if (deviceId != null) {
                select.setString(2, deviceId.toString());
            }
            List<Open> open = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Long started = Rows.longOrNull(row, 13);
                    String target = row.getString(14);
                    Command command = new Command(
                            UUID.fromString(row.getString(1)),
                            CommandKind.valueOf(row.getString(4)),
                            Instant.ofEpochSecond(row.getLong(8)),
                            Instant.ofEpochSecond(row.getLong(9)),
                            Rows.intOrNull(row, 5),
                            row.getString(6),
                            started == null ? null : Instant.ofEpochSecond(started),
                            target == null ? null : UUID.fromString(target));
                    open.add(new Open(
                            UUID.fromString(row.getString(2)), command, CommandState.valueOf(row.getString(10))));
                }
            }
            return open;
        }
    }

    /** Marks a PENDING command SENT if it still is PENDING and meaningful; true if this caller may send it. */
    boolean claim(Connection c, UUID commandId, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE live_commands SET state = 'SENT', sent_at = ?"
                + " WHERE id = ? AND state = 'PENDING' AND expires_at > ?")) {
            update.setLong(1, now.getEpochSecond());
            update.setString(2, commandId.toString());
            update.setLong(3, now.getEpochSecond());
            return update.executeUpdate() == 1;
        }
    }

    /**
     * Records the PC's answer: the first one counts (a repeat is the same answer, sent again). A
     * command that expired after it was sent still takes its answer: it was run, and staff see how.
     *
     * @return the command's kind if this answer was recorded; empty for an unknown command, one of
     *     another PC, or one answered before
     */
    Optional<CommandKind> answer(Connection c, UUID deviceId, CommandAck ack, Instant now) throws SQLException {
        String kind;
        try (PreparedStatement select =
                c.prepareStatement("SELECT kind FROM live_commands WHERE id = ? AND device_id = ?")) {
            select.setString(1, ack.commandId().toString());
            select.setString(2, deviceId.toString());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                kind = row.getString(1);
            }
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE live_commands SET state = ?, answered_at = ?,"
                + " detail = ? WHERE id = ? AND (state = 'SENT' OR (state = 'EXPIRED' AND sent_at IS NOT NULL))")) {
            update.setString(1, ack.outcome().name());
            update.setLong(2, now.getEpochSecond());
            update.setString(3, ack.detail());
            update.setString(4, ack.commandId().toString());
            return update.executeUpdate() == 1 ? Optional.of(CommandKind.valueOf(kind)) : Optional.empty();
        }
    }

    /** Marks every unanswered command past its expiry EXPIRED; returns how many. */
    int expire(Connection c, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE live_commands SET state = 'EXPIRED'"
                + " WHERE state IN ('PENDING', 'SENT') AND expires_at <= ?")) {
            update.setLong(1, now.getEpochSecond());
            return update.executeUpdate();
        }
    }
}
