package bg.digiclub.collector.auth;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import bg.digiclub.collector.store.Database;
import bg.digiclub.support.secret.SlowHash;

/** Dashboard accounts. Only PBKDF2 hashes of passwords are stored. */
public final class UserStore {
    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_PASSWORD_ITERATIONS = 600_000;

    private final Database database;
    private final SlowHash hasher;

    public UserStore(Database database, SlowHash hasher) {
        this.database = Objects.requireNonNull(database, "database");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
    }

    /** Creates the user or replaces its password, role and club. */
    public void save(User user, char[] password, Instant now) throws SQLException {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(now, "now");
        String hash = hasher.hash(password);
        database.write(c -> {
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO users (username, password_hash, role, "
                    + "club_id, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (username) DO UPDATE SET "
                    + "password_hash = excluded.password_hash, role = excluded.role, club_id = excluded.club_id")) {
                upsert.setString(1, user.username());
                upsert.setString(2, hash);
                upsert.setString(3, user.role().name());
                upsert.setString(4, user.clubId());
                upsert.setLong(5, now.getEpochSecond());
                upsert.executeUpdate();
            }
            return null;
        });
    }

    /** The user if the name exists and the password matches. */
    public Optional<User> authenticate(String username, char[] password) throws SQLException {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Optional<StoredUser> row = database.read(c -> {
            try (PreparedStatement select =
                    c.prepareStatement("SELECT password_hash, role, club_id FROM users WHERE username = ?")) {
                select.setString(1, username);
                try (ResultSet r = select.executeQuery()) {
                    return r.next()
                            ? Optional.of(new StoredUser(r.getString(1), Role.valueOf(r.getString(2)), r.getString(3)))
                            : Optional.<StoredUser>empty();
                }
            }
        });
        if (row.isEmpty()) {
            // same work as for a real user, so timing does not tell which names exist
            hasher.burn();
            return Optional.empty();
        }
        StoredUser stored = row.get();
        if (!hasher.matches(password, stored.passwordHash())) {
            return Optional.empty();
        }
        return Optional.of(new User(username, stored.role(), stored.clubId()));
    }

    /** A user's row as stored: the hash to check the password against, then who they are. */
    private record StoredUser(String passwordHash, Role role, String clubId) {}

    public boolean delete(String username) throws SQLException {
        return database.write(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM users WHERE username = ?")) {
                delete.setString(1, username);
                return delete.executeUpdate() == 1;
            }
        });
    }
}
