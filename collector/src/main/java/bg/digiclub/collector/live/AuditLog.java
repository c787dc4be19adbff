package bg.digiclub.collector.live;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import bg.digiclub.support.sql.Rows;

/**
 * The club's audit log: every staff change, in the transaction that makes it. A command's entry
 * shows the command's answer once it came (joined, not copied, so it is never out of date).
 */
final class AuditLog {
    /** Who the collector itself is in the log (a hold that ran out, a number that did not come). */
    static final String COLLECTOR = "collector";

    /** Adds an entry; the club's next sequence number orders it. */
    void record(Connection c, String clubId, Instant at, String who, String action, Integer pcNumber, UUID commandId)
            throws SQLException {
        long seq;
        try (PreparedStatement next =
                c.prepareStatement("SELECT COALESCE(MAX(seq), 0) + 1 FROM live_audit WHERE club_id = ?")) {
            next.setString(1, clubId);
            try (ResultSet row = next.executeQuery()) {
                row.next();
                seq = row.getLong(1);
            }
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO live_audit "
                + "(club_id, seq, at, who, action, pc_number, command_id) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, clubId);
            insert.setLong(2, seq);
            insert.setLong(3, at.getEpochSecond());
            insert.setString(4, who);
            insert.setString(5, action);
            insert.setObject(6, pcNumber);
            insert.setString(7, commandId == null ? null : commandId.toString());
            insert.executeUpdate();
        }
    }

    /** The club's latest entries, newest first. */
    List<AuditEntry> entries(Connection c, String clubId, int limit) throws SQLException {
        try (PreparedStatement select =
                c.prepareStatement("SELECT a.at, a.who, a.action, a.pc_number, k.state, k.detail"
                        + " FROM live_audit a LEFT JOIN live_commands k ON k.id = a.command_id"
                        + " WHERE a.club_id = ? ORDER BY a.seq DESC LIMIT ?")) {
            select.setString(1, clubId);
            select.setInt(2, limit);
            List<AuditEntry> entries = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    entries.add(new AuditEntry(
                            Instant.ofEpochSecond(row.getLong(1)),
                            row.getString(2),
                            row.getString(3),
                            Rows.intOrNull(row, 4),
                            result(row.getString(5), row.getString(6))));
                }
            }
            return entries;
        }
    }

    /** A command's answer as the log shows it; null while it has none. */
    private static String result(String state, String detail) {
        if (state == null || state.equals(CommandState.PENDING.name()) || state.equals(CommandState.SENT.name())) {
            return null;
        }
        return detail == null ? state : state + ": " + detail;
    }
}
