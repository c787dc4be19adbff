package bg.digiclub.agent.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;

/** The store's progress markers in table {@code store_state}, all Unix seconds. */
final class StoreState {
    /** Every hour before this has its hourly rows. */
    static final String HOURLY_ROLLED_UNTIL = "hourly_rolled_until";
    /** Raw samples before this have been deleted; hours from here on are complete in raw. */
    static final String RAW_DELETED_BEFORE = "raw_deleted_before";

    private StoreState() {}

    static OptionalLong get(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM store_state WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    static void set(Connection c, String name, long value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO store_state(name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value")) {
            ps.setString(1, name);
            ps.setLong(2, value);
            ps.executeUpdate();
        }
    }

    /** The start (Unix seconds) of the hour holding {@code epochSecond}. */
    static long hourOf(long epochSecond) {
        return Math.floorDiv(epochSecond, 3600L) * 3600L;
    }
}
