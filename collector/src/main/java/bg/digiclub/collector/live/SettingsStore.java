package bg.digiclub.collector.live;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import bg.digiclub.common.live.ClubSettings;

/**
 * Each club's settings for its PCs, kept as the JSON the PCs get them in; a club never set has the
 * defaults. Public for the programme report, which reads the opening hours.
 */
public final class SettingsStore {
    private final ObjectMapper json;

    public SettingsStore(ObjectMapper json) {
        this.json = Objects.requireNonNull(json, "json");
    }

    public ClubSettings settings(Connection c, String clubId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT settings FROM club_settings WHERE club_id = ?")) {
            select.setString(1, clubId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return ClubSettings.DEFAULTS;
                }
                try {
                    return json.readValue(row.getString(1), ClubSettings.class);
                } catch (JsonProcessingException e) {
                    throw new SQLException("the stored settings of club " + clubId + " cannot be read", e);
                }
            }
        }
    }

    /** Stores the settings with the next version and returns them as stored. */
    ClubSettings change(Connection c, String clubId, ClubSettings settings, String who, Instant now)
            throws SQLException {
        ClubSettings old = settings(c, clubId);
        ClubSettings next = new ClubSettings(
                old.version() + 1,
                settings.week(),
                settings.shutdownAfterMinutes(),
                settings.wakeBeforeMinutes(),
                settings.queueEnabled(),
                settings.reservationMinutes(),
                settings.graceMinutes());
        String text;
        try {
            text = json.writeValueAsString(next);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("club settings cannot be written as JSON", e);
        }
        try (PreparedStatement upsert = c.prepareStatement(
                "INSERT INTO club_settings (club_id, version, settings, changed_at, changed_by) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT (club_id) DO UPDATE SET version = excluded.version,"
                        + " settings = excluded.settings, changed_at = excluded.changed_at,"
                        + " changed_by = excluded.changed_by")) {
            upsert.setString(1, clubId);
            upsert.setLong(2, next.version());
            upsert.setString(3, text);
            upsert.setLong(4, now.getEpochSecond());
            upsert.setString(5, who);
            upsert.executeUpdate();
        }
        return next;
    }
}
