package bg.digiclub.collector.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
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
            try (PreparedStatement select =
                    c.prepareStatement("SELECT id, name, place, time_zone FROM clubs WHERE id = ?")) {
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
            try (PreparedStatement select =
                            c.prepareStatement("SELECT id, name, place, time_zone FROM clubs ORDER BY name, id");
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
            try (PreparedStatement update =
                    c.prepareStatement("UPDATE enrolment_codes SET revoked = 1 WHERE club_id = ? AND revoked = 0")) {
                update.setString(1, clubId);
                return update.executeUpdate();
            }
        });
    }

    /** How long an enrolment's answer is kept for a repeat of its request. */
    public static final Duration REPEAT_WINDOW = Duration.ofDays(7);

    /** Attempts at an enrolment that collides with a concurrent one (same request, same next PC number). */
    private static final int ENROL_ATTEMPTS = 3;

    /**
     * An enrolment's request key in its stored forms.
     *
     * @param keyHash     {@code TokenSeal.keyHash} of the request key, what a repeat is found by
     * @param sealedToken the new token sealed under the request key, what a repeat is answered with
     */
    public record RequestRecord(String keyHash, String sealedToken) {}

    /** {@link #enrol(String, String, String, UUID, RequestRecord, Instant)} without a request key. */
    public Optional<Enrolled> enrol(
            String codeHash, String tokenHash, String agentVersion, UUID previousDeviceId, Instant now)
            throws SQLException {
        return enrol(codeHash, tokenHash, agentVersion, previousDeviceId, null, now);
    }

    /**
     * Enrols a device with a code, in one transaction: the code is checked and used up, the
     * device created (or, with {@code previousDeviceId} of the same club, given a new token).
     *
     * <p>With a {@code request}, a request key answered in the last {@link #REPEAT_WINDOW} is a
     * repeat: it gets the device enrolled then, with the token sealed then, and uses up no code —
     * if its code is the one used then, or any code still usable for the same club (staff gave a
     * new one because the first answer never arrived). A new enrolment records the request.
     *
     * @return the enrolled device, or empty if the code is unknown, expired, used up or revoked,
     *         or the previous device belongs to another club, or a repeat's device was revoked
     */
    public Optional<Enrolled> enrol(
            String codeHash,
            String tokenHash,
            String agentVersion,
            UUID previousDeviceId,
            RequestRecord request,
            Instant now)
            throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                return database.write(
                        c -> enrolIn(c, codeHash, tokenHash, agentVersion, previousDeviceId, request, now));
            } catch (SQLException e) {
                // on PostgreSQL a concurrent twin of this request, or another PC taking the same
                // next number, commits first: try again, and find it (or the next number) then
                if (attempt >= ENROL_ATTEMPTS || !database.dialect().isUniqueViolation(e)) {
                    throw e;
                }
            }
        }
    }

    private Optional<Enrolled> enrolIn(
            Connection c,
            String codeHash,
            String tokenHash,
            String agentVersion,
            UUID previousDeviceId,
            RequestRecord request,
            Instant now)
            throws SQLException {
        if (request != null) {
            try (PreparedStatement expire = c.prepareStatement("DELETE FROM enrolment_requests WHERE created_at < ?")) {
                expire.setLong(1, now.minus(REPEAT_WINDOW).getEpochSecond());
                expire.executeUpdate();
            }
            Optional<Optional<Enrolled>> repeat = repeat(c, request.keyHash(), codeHash, now);
            if (repeat.isPresent()) {
                return repeat.get();
            }
        }
        Club club = usableCodeClub(c, codeHash, now);
        if (club == null) {
            return Optional.empty();
        }
        try (PreparedStatement use =
                c.prepareStatement("UPDATE enrolment_codes SET uses_left = uses_left - 1 WHERE code_hash = ?")) {
            use.setString(1, codeHash);
            use.executeUpdate();
        }
        Enrolled enrolled;
        if (previousDeviceId != null) {
            Integer number = deviceNumber(c, previousDeviceId, club.id());
            if (number == null) {
                return Optional.empty();
            }
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE devices SET token_hash = ?, revoked = 0, " + "agent_version = ? WHERE id = ?")) {
                update.setString(1, tokenHash);
                update.setString(2, agentVersion);
                update.setString(3, previousDeviceId.toString());
                update.executeUpdate();
            }
            // the device's earlier answers carry its old token: no repeat may hand that out again
            forgetRequests(c, previousDeviceId);
            enrolled = new Enrolled(previousDeviceId, club, number);
        } else {
            int number;
            try (PreparedStatement next =
                    c.prepareStatement("SELECT COALESCE(MAX(number), 0) + 1 FROM devices WHERE club_id = ?")) {
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
            enrolled = new Enrolled(deviceId, club, number);
        }
        if (request != null) {
            try (PreparedStatement record = c.prepareStatement("INSERT INTO enrolment_requests (key_hash, device_id, "
                    + "club_id, code_hash, sealed_token, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                record.setString(1, request.keyHash());
                record.setString(2, enrolled.deviceId().toString());
                record.setString(3, club.id());
                record.setString(4, codeHash);
                record.setString(5, request.sealedToken());
                record.setLong(6, now.getEpochSecond());
                record.executeUpdate();
            }
        }
        return Optional.of(enrolled);
    }

    /**
     * The answer to a request key seen before: empty if it is new; the device (with the sealed
     * token) if the code is acceptable for a repeat; an empty answer (refused) if not, or if the
     * device has since been revoked.
     */
    private static Optional<Optional<Enrolled>> repeat(Connection c, String keyHash, String codeHash, Instant now)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT r.device_id, r.club_id, r.code_hash, "
                + "r.sealed_token, d.number, d.revoked, k.name, k.place, k.time_zone FROM enrolment_requests r "
                + "JOIN devices d ON d.id = r.device_id JOIN clubs k ON k.id = r.club_id WHERE r.key_hash = ?")) {
            select.setString(1, keyHash);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Club club = new Club(row.getString(2), row.getString(7), row.getString(8), ZoneId.of(row.getString(9)));
                boolean sameCode = row.getString(3).equals(codeHash);
                boolean revoked = row.getInt(6) != 0;
                Enrolled earlier =
                        new Enrolled(UUID.fromString(row.getString(1)), club, row.getInt(5), row.getString(4));
                if (revoked) {
                    return Optional.of(Optional.empty());
                }
                if (sameCode) {
                    return Optional.of(Optional.of(earlier));
                }
                Club other = usableCodeClub(c, codeHash, now);
                return Optional.of(
                        other != null && other.id().equals(club.id()) ? Optional.of(earlier) : Optional.empty());
            }
        }
    }

    private static void forgetRequests(Connection c, UUID deviceId) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM enrolment_requests WHERE device_id = ?")) {
            delete.setString(1, deviceId.toString());
            delete.executeUpdate();
        }
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
            try (PreparedStatement select =
                    c.prepareStatement("SELECT d.id, d.club_id, k.time_zone, d.revoked, d.enrolled_at "
                            + "FROM devices d JOIN clubs k ON k.id = d.club_id WHERE d.token_hash = ?")) {
                select.setString(1, tokenHash);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new DeviceIdentity(
                            UUID.fromString(row.getString(1)),
                            row.getString(2),
                            ZoneId.of(row.getString(3)),
                            row.getInt(4) != 0,
                            Instant.ofEpochSecond(row.getLong(5))));
                }
            }
        });
    }

    /** Revokes a device's token (and forgets its enrolment answers); true if the device exists. */
    public boolean revokeDevice(UUID deviceId) throws SQLException {
        return database.write(c -> {
            forgetRequests(c, deviceId);
            try (PreparedStatement update = c.prepareStatement("UPDATE devices SET revoked = 1 WHERE id = ?")) {
                update.setString(1, deviceId.toString());
                return update.executeUpdate() == 1;
            }
        });
    }
}
