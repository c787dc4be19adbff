package bg.digiclub.collector.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * PCs switched on in a span of days, per club: one query for the dashboard ({@link Reports}, a
 * {@link Period} of at most {@value Period#MAX_DAYS} days) and the programme report (any calendar
 * period, a year too), so both count a PC as active the same way.
 */
public final class ActivePcs {
    private ActivePcs() {}

    /**
     * Per club, its PCs with powered-on minutes on a day from {@code from} to {@code to} (both
     * included): one index probe per PC.
     *
     * @param club only this club, or every club
     */
    public static Map<String, Integer> perClub(Connection c, LocalDate from, LocalDate to, Optional<String> club)
            throws SQLException {
        Map<String, Integer> active = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT d.club_id, COUNT(*) FROM devices d WHERE "
                + (club.isPresent() ? "d.club_id = ? AND " : "")
                + "EXISTS (SELECT 1 FROM device_days x WHERE x.device_id = d.id AND x.day BETWEEN ? AND ? "
                + "AND x.powered_on_minutes > 0) GROUP BY d.club_id")) {
            int i = 1;
            if (club.isPresent()) {
                select.setString(i++, club.get());
            }
            select.setLong(i++, from.toEpochDay());
            select.setLong(i, to.toEpochDay());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    active.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        return active;
    }
}
