package bg.digiclub.agent.upload;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import bg.digiclub.agent.store.Database;
import bg.digiclub.support.sql.Rows;

/**
 * The upload's shared retry state, persisted (table {@code upload_state}) so that a restart
 * neither forgets a collector's {@code Retry-After} nor resets the backoff.
 *
 * @param consecutiveFailures failed rounds since the last success
 * @param notBefore           no batch is sent before this (except by an explicit "upload now")
 * @param lastSuccessAt       when the collector last answered 2xx
 * @param lastError           the last failure, for {@code agent status}
 */
public record UploadState(
        int consecutiveFailures, Instant notBefore, Optional<Instant> lastSuccessAt, Optional<String> lastError) {
    public UploadState {
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(lastSuccessAt, "lastSuccessAt");
        Objects.requireNonNull(lastError, "lastError");
    }

    static UploadState load(Database db) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT consecutive_failures, not_before, last_success_at, "
                            + "last_error FROM upload_state WHERE id = 1");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                Optional<Instant> last = Optional.ofNullable(Rows.epochMilliOrNull(rs, 3));
                return new UploadState(
                        rs.getInt(1), Instant.ofEpochMilli(rs.getLong(2)), last, Optional.ofNullable(rs.getString(4)));
            }
        });
    }

    static void recordSuccess(Database db, Instant at) throws SQLException {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE upload_state SET consecutive_failures = 0, "
                    + "not_before = 0, last_success_at = ?, last_error = NULL WHERE id = 1")) {
                ps.setLong(1, at.toEpochMilli());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Counts a failed round; returns the new number of consecutive failures. */
    static int recordFailure(Database db, String error) throws SQLException {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE upload_state SET consecutive_failures = "
                    + "consecutive_failures + 1, last_error = ? WHERE id = 1")) {
                ps.setString(1, error);
                ps.executeUpdate();
            }
            try (PreparedStatement ps =
                            c.prepareStatement("SELECT consecutive_failures FROM upload_state WHERE id = 1");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    static void setNotBefore(Database db, Instant notBefore) throws SQLException {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE upload_state SET not_before = ? WHERE id = 1")) {
                ps.setLong(1, notBefore.toEpochMilli());
                ps.executeUpdate();
            }
            return null;
        });
    }
}
