package bg.digiclub.collector.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Clubs, their enrolment codes and their devices. Codes and tokens arrive here already hashed. */
public final class ClubStore {
    private final Database database;

    public ClubStore(Database database) {
        this.database = database;
    }

    /** Adds a club, or updates its name, place and zone if the id exists. */
    public void saveClub(Club club, Instant now) throws SQLException {
        database.write(c -> {
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO clubs (id, name, place, time_zone, "
                    + "created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
                    + "place = excluded.place, time_zone = excluded.time_zone")) {
                upsert.setString(1, club.id());
                upsert.setString(2, club.name());
                upsert.setString(3, club.place());
                upsert.setString(4, club.timeZone().getId());
                upsert.setLong(5, now.getEpochSecond());
                upsert.executeUpdate();
            }
            return null;
        });
    }

    public Optional<Club> club(String id) throws SQLException {
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT id, name, place, time_zone FROM clubs WHERE id = ?")) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(club(row)) : Optional.empty();
                }
            }
        });
    }

    /** All clubs, by name. */
    public List<Club> clubs() throws SQLException {
        return database.read(c -> {
            List<Club> clubs = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT id, name, place, time_zone FROM clubs ORDER BY name, id");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    clubs.add(club(rows));
                }
            }
            return clubs;
        });
    }

    private static Club club(ResultSet row) throws SQLException {
        return new Club(row.getString(1), row.getString(2), row.getString(3), ZoneId.of(row.getString(4)));
    }

    /** Records a new enrolment code (its hash) for a club. */
    public void addEnrolmentCode(String clubId, String codeHash, Instant expiresAt, int uses, Instant now)
            throws SQLException {
        database.write(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO enrolment_codes (code_hash, club_id, "
                    + "expires_at, uses_left, revoked, created_at) VALUES (?, ?, ?, ?, 0, ?)")) {
                insert.setString(1, codeHash);
                insert.setString(2, clubId);
                insert.setLong(3, expiresAt.getEpochSecond());
                insert.setInt(4, uses);
                insert.setLong(5, now.getEpochSecond());
                insert.executeUpdate();
            }
            return null;
        });
    }

    /** Revokes every enrolment code of a club; returns how many were still usable. */
    public int revokeEnrolmentCodes(String clubId) throws SQLException {
        return database.write(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE enrolment_codes SET revoked = 1 WHERE club_id = ? AND revoked = 0")) {
                update.setString(1, clubId);
                return update.executeUpdate();
            }
        });
    }

    /**
     * Enrols a device with a code, in one transaction: the code is checked and used up, the
     * device created (or, with {@code previousDeviceId} of the same club, given a new token).
     *
     * @return the enrolled device, or empty if the code is unknown, expired, used up or revoked,
     *         or the previous device belongs to another club
     */
    public Optional<Enrolled> enrol(String codeHash, String tokenHash, String agentVersion, UUID previousDeviceId,
                                    Instant now) throws SQLException {
        return database.write(c -> {
            Club club = usableCodeClub(c, codeHash, now);
            if (club == null) {
                return Optional.empty();
            }
            try (PreparedStatement use = c.prepareStatement(
                    "UPDATE enrolment_codes SET uses_left = uses_left - 1 WHERE code_hash = ?")) {
                use.setString(1, codeHash);
                use.executeUpdate();
            }
            if (previousDeviceId != null) {
                Integer number = deviceNumber(c, previousDeviceId, club.id());
                if (number == null) {
                    return Optional.empty();
                }
                try (PreparedStatement update = c.prepareStatement("UPDATE devices SET token_hash = ?, revoked = 0, "
                        + "agent_version = ? WHERE id = ?")) {
                    update.setString(1, tokenHash);
                    update.setString(2, agentVersion);
                    update.setString(3, previousDeviceId.toString());
                    update.executeUpdate();
                }
                return Optional.of(new Enrolled(previousDeviceId, club, number));
            }
            int number;
            try (PreparedStatement next = c.prepareStatement(
                    "SELECT COALESCE(MAX(number), 0) + 1 FROM devices WHERE club_id = ?")) {
                next.setString(1, club.id());
                try (ResultSet row = next.executeQuery()) {
                    row.next();
                    number = row.getInt(1);
                }
            }
            UUID deviceId = UUID.randomUUID();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO devices (id, club_id, number, token_hash, "
                    + "revoked, agent_version, enrolled_at) VALUES (?, ?, ?, ?, 0, ?, ?)")) {
                insert.setString(1, deviceId.toString());
                insert.setString(2, club.id());
                insert.setInt(3, number);
                insert.setString(4, tokenHash);
                insert.setString(5, agentVersion);
                insert.setLong(6, now.getEpochSecond());
                insert.executeUpdate();
            }
            return Optional.of(new Enrolled(deviceId, club, number));
        });
    }

    private static Club usableCodeClub(Connection c, String codeHash, Instant now) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT k.id, k.name, k.place, k.time_zone "
                + "FROM enrolment_codes e JOIN clubs k ON k.id = e.club_id "
                + "WHERE e.code_hash = ? AND e.revoked = 0 AND e.uses_left > 0 AND e.expires_at > ?")) {
            select.setString(1, codeHash);
            select.setLong(2, now.getEpochSecond());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? club(row) : null;
            }
        }
    }

    private static Integer deviceNumber(Connection c, UUID deviceId, String clubId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT number FROM devices WHERE id = ? AND club_id = ?")) {
            select.setString(1, deviceId.toString());
            select.setString(2, clubId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getInt(1) : null;
            }
        }
    }

    /** The device a token hash belongs to (revoked or not), if any. */
    public Optional<DeviceIdentity> deviceByToken(String tokenHash) throws SQLException {
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT d.id, d.club_id, k.time_zone, d.revoked, d.enrolled_at "
                    + "FROM devices d JOIN clubs k ON k.id = d.club_id WHERE d.token_hash = ?")) {
                select.setString(1, tokenHash);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new DeviceIdentity(UUID.fromString(row.getString(1)), row.getString(2),
                            ZoneId.of(row.getString(3)), row.getInt(4) != 0,
                            Instant.ofEpochSecond(row.getLong(5))));
                }
            }
        });
    }

    /** Revokes a device's token; true if the device exists. */
    public boolean revokeDevice(UUID deviceId) throws SQLException {
        return database.write(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE devices SET revoked = 1 WHERE id = ?")) {
                update.setString(1, deviceId.toString());
                return update.executeUpdate() == 1;
            }
        });
    }
}
