package bg.digiclub.collector.live;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.common.link.VisitorKind;
import bg.digiclub.common.live.PcMode;
import bg.digiclub.common.live.PcState;
import bg.digiclub.support.sql.Rows;

/**
 * Each PC's last live state and the collector instance holding its connection, and the instances'
 * heartbeats. A PC is shown online only while its holding instance was seen within
 * {@link #INSTANCE_SILENCE}: an instance that died cannot say so, its rows simply age.
 */
final class LiveStateStore {
    /** An instance not seen for this long is taken for dead, and its PCs are shown off. */
    static final Duration INSTANCE_SILENCE = Duration.ofSeconds(30);

    /** A state as received from a PC, at the collector's time. */
    record Received(UUID deviceId, PcState state, Instant at) {}

    void connected(Connection c, UUID deviceId, String instanceId, UUID connectionId, Instant now) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO live_states"
                + " (device_id, instance_id, connection_id, connected_at) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (device_id) DO UPDATE SET instance_id = excluded.instance_id,"
                + " connection_id = excluded.connection_id, connected_at = excluded.connected_at")) {
            upsert.setString(1, deviceId.toString());
            upsert.setString(2, instanceId);
            upsert.setString(3, connectionId.toString());
            upsert.setLong(4, now.getEpochSecond());
            upsert.executeUpdate();
        }
    }

    /** The connection ended; a newer one of the PC (on any instance) is left as it is. */
    void disconnected(Connection c, UUID deviceId, UUID connectionId) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE live_states SET instance_id = NULL,"
                + " connection_id = NULL WHERE device_id = ? AND connection_id = ?")) {
            update.setString(1, deviceId.toString());
            update.setString(2, connectionId.toString());
            update.executeUpdate();
        }
    }

    /** Saves the states in one batch; a call for help keeps the time it was first seen. */
    void save(Connection c, List<Received> states) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO live_states (device_id, mode, visitor,"
                + " minutes_left, session_started, health, help_called_at, reserved_for, agent_version, state_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (device_id) DO UPDATE SET"
                + " mode = excluded.mode, visitor = excluded.visitor, minutes_left = excluded.minutes_left,"
                + " session_started = excluded.session_started, health = excluded.health,"
                + " help_called_at = CASE WHEN excluded.help_called_at IS NULL THEN NULL"
                + " ELSE COALESCE(live_states.help_called_at, excluded.help_called_at) END,"
                + " reserved_for = excluded.reserved_for, agent_version = excluded.agent_version,"
                + " state_at = excluded.state_at")) {
            for (Received r : states) {
                PcState s = r.state();
                upsert.setString(1, r.deviceId().toString());
                upsert.setString(2, s.mode().name());
                upsert.setString(3, s.visitor() == null ? null : s.visitor().name());
                upsert.setObject(4, s.minutesLeft());
                upsert.setObject(
                        5,
                        s.sessionStarted() == null ? null : s.sessionStarted().getEpochSecond());
                upsert.setString(6, s.health().name());
                upsert.setObject(7, s.helpCalled() ? r.at().getEpochSecond() : null);
                upsert.setObject(8, s.reservedFor());
                upsert.setString(9, s.agentVersion());
                upsert.setLong(10, r.at().getEpochSecond());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /** Staff answered the PC's call for help. */
    void helpAnswered(Connection c, UUID deviceId) throws SQLException {
        try (PreparedStatement update =
                c.prepareStatement("UPDATE live_states SET help_called_at = NULL WHERE device_id = ?")) {
            update.setString(1, deviceId.toString());
            update.executeUpdate();
        }
    }

    /** The club's enrolled PCs as the room view shows them, by number. */
    List<PcTile> tiles(Connection c, String clubId, Instant now) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT d.id, d.number, s.instance_id, i.seen_at, s.mode,"
                + " s.visitor, s.minutes_left, s.session_started, s.health, s.help_called_at, q.number, s.state_at"
                + " FROM devices d LEFT JOIN live_states s ON s.device_id = d.id"
                + " LEFT JOIN collector_instances i ON i.id = s.instance_id"
                + " LEFT JOIN live_queue q ON q.held_device = d.id AND q.state = 'HELD'"
                + " WHERE d.club_id = ? AND d.revoked = 0 ORDER BY d.number")) {
            select.setString(1, clubId);
            long freshSince = now.minus(INSTANCE_SILENCE).getEpochSecond();
            List<PcTile> tiles = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Long seen = Rows.longOrNull(row, 4);
                    String mode = row.getString(5);
                    String visitor = row.getString(6);
                    String health = row.getString(9);
                    tiles.add(new PcTile(
                            UUID.fromString(row.getString(1)),
                            row.getInt(2),
                            row.getString(3) != null && seen != null && seen >= freshSince,
                            mode == null ? null : PcMode.valueOf(mode),
                            visitor == null ? null : VisitorKind.valueOf(visitor),
                            Rows.intOrNull(row, 7),
                            Rows.epochSecondOrNull(row, 8),
                            health == null ? null : HealthStatus.valueOf(health),
                            Rows.epochSecondOrNull(row, 10),
                            Rows.intOrNull(row, 11),
                            Rows.epochSecondOrNull(row, 12)));
                }
            }
            return tiles;
        }
    }

    /** The running session of each of the club's PCs in a session (by device), for "all PCs" commands. */
    Map<UUID, Instant> sessions(Connection c, String clubId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT s.device_id, s.session_started FROM live_states s"
                + " JOIN devices d ON d.id = s.device_id WHERE d.club_id = ? AND d.revoked = 0"
                + " AND s.mode = 'IN_SESSION' AND s.session_started IS NOT NULL")) {
            select.setString(1, clubId);
            Map<UUID, Instant> sessions = new HashMap<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    sessions.put(UUID.fromString(row.getString(1)), Instant.ofEpochSecond(row.getLong(2)));
                }
            }
            return sessions;
        }
    }

    /** The connection each PC held by this instance has in the database (a newer one elsewhere replaced ours). */
    Map<UUID, UUID> connectionsOf(Connection c, String instanceId) throws SQLException {
        try (PreparedStatement select =
                c.prepareStatement("SELECT device_id, connection_id FROM live_states WHERE instance_id = ?")) {
            select.setString(1, instanceId);
            Map<UUID, UUID> connections = new HashMap<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    connections.put(UUID.fromString(row.getString(1)), UUID.fromString(row.getString(2)));
                }
            }
            return connections;
        }
    }

    /** The PCs held by this instance whose device was revoked meanwhile (by the CLI, on any instance). */
    Set<UUID> revokedOf(Connection c, String instanceId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT s.device_id FROM live_states s"
                + " JOIN devices d ON d.id = s.device_id WHERE s.instance_id = ? AND d.revoked = 1")) {
            select.setString(1, instanceId);
            Set<UUID> revoked = new HashSet<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    revoked.add(UUID.fromString(row.getString(1)));
                }
            }
            return revoked;
        }
    }

    /** This instance is alive. */
    void heartbeat(Connection c, String instanceId, Instant startedAt, Instant now) throws SQLException {
        try (PreparedStatement upsert =
                c.prepareStatement("INSERT INTO collector_instances (id, started_at, seen_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT (id) DO UPDATE SET seen_at = excluded.seen_at")) {
            upsert.setString(1, instanceId);
            upsert.setLong(2, startedAt.getEpochSecond());
            upsert.setLong(3, now.getEpochSecond());
            upsert.executeUpdate();
        }
    }

    /** This instance stops: its PCs are off until they connect elsewhere, and it is forgotten. */
    void stopped(Connection c, String instanceId) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE live_states SET instance_id = NULL, connection_id = NULL WHERE instance_id = ?")) {
            update.setString(1, instanceId);
            update.executeUpdate();
        }
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM collector_instances WHERE id = ?")) {
            delete.setString(1, instanceId);
            delete.executeUpdate();
        }
    }
}
