package bg.digiclub.agent.upload;

import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import bg.digiclub.agent.store.Database;

/**
 * This PC's enrolment, in the agent's database (table {@code enrolment}), and whether the
 * collector has stopped accepting its token ("needs re-enrolment": set on 401/403, kept across
 * restarts, cleared by a new enrolment).
 */
public final class EnrolmentStore {
    private final Database db;

    public EnrolmentStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    public Optional<DeviceCredentials> credentials() throws SQLException {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                            "SELECT collector_url, device_id, club_id, token, enrolled_at FROM enrolment WHERE id = 1");
                    ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new DeviceCredentials(
                        URI.create(rs.getString(1)),
                        UUID.fromString(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        Instant.ofEpochMilli(rs.getLong(5))));
            }
        });
    }

    /**
     * The request key of the enrolment not yet answered: the one stored by an earlier attempt, or
     * {@code fresh} stored now, before anything is sent. Every retry sends the same key, so the
     * collector answers a retry whose first answer was lost with the same device and token.
     */
    public String pendingRequestKey(Supplier<String> fresh, Instant now) throws SQLException {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT request_key FROM enrolment_request WHERE id = 1");
                    ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return rs.getString(1);
                }
            }
            String key = fresh.get();
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO enrolment_request (id, request_key, created_at) VALUES (1, ?, ?)")) {
                ps.setString(1, key);
                ps.setLong(2, now.toEpochMilli());
                ps.executeUpdate();
            }
            return key;
        });
    }

    /**
     * Stores a (new) enrolment, replacing any earlier one and clearing "needs re-enrolment" and the
     * pending request key (the next enrolment is a new request).
     */
    public void save(DeviceCredentials credentials) throws SQLException {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM enrolment_request WHERE id = 1")) {
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO enrolment (id, collector_url, "
                    + "device_id, club_id, token, enrolled_at, needs_reenrolment, reenrolment_reason) "
                    + "VALUES (1, ?, ?, ?, ?, ?, 0, NULL)")) {
                ps.setString(1, credentials.collectorUrl().toString());
                ps.setString(2, credentials.deviceId().toString());
                ps.setString(3, credentials.clubId());
                ps.setString(4, credentials.token());
                ps.setLong(5, credentials.enrolledAt().toEpochMilli());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The collector refused the token (401/403): stop sending until the PC is enrolled again. */
    public void markNeedsReenrolment(String reason) throws SQLException {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE enrolment SET needs_reenrolment = 1, reenrolment_reason = ? WHERE id = 1")) {
                ps.setString(1, reason);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Why the PC needs enrolling again; empty when its enrolment is fine (or it has none). */
    public Optional<String> needsReenrolment() throws SQLException {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                            "SELECT reenrolment_reason FROM enrolment WHERE id = 1 AND needs_reenrolment = 1");
                    ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(Objects.requireNonNullElse(rs.getString(1), "refused"))
                        : Optional.empty();
            }
        });
    }
}
