package bg.digiclub.agent.room;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.agent.store.Database;
import bg.digiclub.common.batch.StrictJson;
import bg.digiclub.common.link.wire.ShownMessage;
import bg.digiclub.common.live.Room;

/**
 * The room's state on disk ({@code room_state}, {@code room_message}, migration V16): storage
 * only; what it means is {@link ClubRoom}'s.
 */
final class RoomStore {
    private static final Logger LOG = LoggerFactory.getLogger(RoomStore.class);
    /** Staff messages kept unread at most; the oldest go first (a flood from a script cannot fill the disk). */
    static final int MAX_MESSAGES = 20;

    private final Database db;
    private final ObjectMapper json = StrictJson.mapper();

    RoomStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** What the room held when the agent stopped. */
    record Saved(
            boolean locked,
            Optional<Room> room,
            String graceSession,
            String staffGraceSession,
            int staffGraceMinutes) {}

    Saved load() throws SQLException {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT locked, room_json, grace_session, "
                            + "staff_grace_session, staff_grace_minutes FROM room_state WHERE id = 1");
                    ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new Saved(false, Optional.empty(), null, null, 0);
                }
                return new Saved(
                        rs.getInt(1) == 1, parseRoom(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getInt(5));
            }
        });
    }

    void saveLocked(boolean locked) throws SQLException {
        update("UPDATE room_state SET locked = ? WHERE id = 1", locked ? 1 : 0);
    }

    void saveRoom(Room room) throws SQLException {
        try {
            update("UPDATE room_state SET room_json = ? WHERE id = 1", json.writeValueAsString(room));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a Room could not be written as JSON", e);
        }
    }

    void saveGrace(String graceSession, String staffGraceSession, int staffGraceMinutes) throws SQLException {
        update(
                "UPDATE room_state SET grace_session = ?, staff_grace_session = ?, staff_grace_minutes = ? WHERE id = 1",
                graceSession,
                staffGraceSession,
                staffGraceMinutes);
    }

    /** Keeps a staff message; the same id twice is kept once. */
    void addMessage(String id, String text, Instant at) throws SQLException {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO room_message (id, text, received_at) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
                ps.setString(1, id);
                ps.setString(2, text);
                ps.setLong(3, at.toEpochMilli());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM room_message WHERE id NOT IN "
                    + "(SELECT id FROM room_message ORDER BY received_at DESC, id DESC LIMIT ?)")) {
                ps.setInt(1, MAX_MESSAGES);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The unread messages, oldest first. */
    List<ShownMessage> messages() throws SQLException {
        return db.read(c -> {
            List<ShownMessage> result = new ArrayList<>();
            try (PreparedStatement ps =
                            c.prepareStatement("SELECT id, text FROM room_message ORDER BY received_at, id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new ShownMessage(rs.getString(1), rs.getString(2)));
                }
            }
            return result;
        });
    }

    /** @return whether the message was there */
    boolean removeMessage(String id) throws SQLException {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM room_message WHERE id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private Optional<Room> parseRoom(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(text, Room.class));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // a newer agent's room, then a downgrade: the club sends it again on the next connect
            LOG.warn("the kept club room could not be read; using the defaults until the club sends it again");
            return Optional.empty();
        }
    }

    private void update(String sql, Object... args) throws SQLException {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                return ps.executeUpdate();
            }
        });
    }
}
