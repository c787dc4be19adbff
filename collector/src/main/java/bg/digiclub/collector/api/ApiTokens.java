package bg.digiclub.collector.api;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import bg.digiclub.collector.auth.Secrets;
import bg.digiclub.collector.report.programme.ReportScope;
import bg.digiclub.collector.store.Database;

/**
 * The read API's bearer tokens (table {@code api_tokens}): made, listed and revoked by
 * {@code collector token} and the dashboard's tokens page, checked on every API request. A token is
 * {@value #PREFIX} and 32 random bytes in base64url, so that a leaked one is recognisable (secret
 * scanners, a pasted log line); only its SHA-256 is stored, and its id is the start of that hash.
 * These are not device tokens: a device's token is unknown here, and an API token is unknown to the
 * upload, because each is looked up in its own table.
 */
public final class ApiTokens {
    /** The start of every read API token. */
    public static final String PREFIX = "dc_";
    /** The longest token name. */
    public static final int MAX_NAME = 80;
    /** last_used_at is written at most this often per token: a dashboard refreshing every 5 s writes once a minute. */
    static final Duration LAST_USED_STEP = Duration.ofMinutes(1);

    private static final int ID_LENGTH = 12;
    private static final String COLUMNS =
            "id, name, club_id, created_by, created_at, revoked_at, last_used_at FROM api_tokens";

    private final Database database;
    private final Clock clock;
    private final SecureRandom random;

    public ApiTokens(Database database, Clock clock, SecureRandom random) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Makes a token.
     *
     * @param createdBy the dashboard user, or {@code cli:<account>}
     * @throws IllegalArgumentException for a bad name or a club this collector does not hold
     */
    public NewApiToken create(String name, ReportScope scope, String createdBy) throws SQLException {
        String cleanName = checkedName(name);
        Objects.requireNonNull(scope, "scope");
        if (createdBy == null || createdBy.isBlank()) {
            throw new IllegalArgumentException("who makes the token is required");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String hash = Secrets.hashToken(secret);
        Instant now = clock.instant();
        ApiToken token = new ApiToken(
                hash.substring(0, ID_LENGTH), cleanName, scope, createdBy.strip(), seconds(now), null, null);
        database.write(c -> {
            if (!scope.isMunicipality()) {
                try (PreparedStatement club = c.prepareStatement("SELECT 1 FROM clubs WHERE id = ?")) {
                    club.setString(1, scope.clubId());
                    try (ResultSet row = club.executeQuery()) {
                        if (!row.next()) {
                            throw new IllegalArgumentException("no club " + scope.clubId());
                        }
                    }
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO api_tokens (id, token_hash, name, "
                    + "club_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, token.id());
                insert.setString(2, hash);
                insert.setString(3, token.name());
                insert.setString(4, scope.clubId());
                insert.setString(5, token.createdBy());
                insert.setLong(6, now.getEpochSecond());
                insert.executeUpdate();
            }
            return null;
        });
        return new NewApiToken(token, secret);
    }

    /** The tokens a scope may manage, revoked ones included: every token for the municipality, a club's own for a club. */
    public List<ApiToken> list(ReportScope managedBy) throws SQLException {
        Objects.requireNonNull(managedBy, "managedBy");
        return database.read(c -> {
            String sql = "SELECT " + COLUMNS + (managedBy.isMunicipality() ? "" : " WHERE club_id = ?")
                    + " ORDER BY created_at, id";
            try (PreparedStatement select = c.prepareStatement(sql)) {
                if (!managedBy.isMunicipality()) {
                    select.setString(1, managedBy.clubId());
                }
                List<ApiToken> tokens = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        tokens.add(token(rows));
                    }
                }
                return tokens;
            }
        });
    }

    /**
     * Revokes a token at once (the next request with it is refused).
     *
     * @param managedBy the municipality (any token) or a club (its own tokens only)
     * @return true if it was active and is revoked now; false if there is no such token the scope may
     *     manage, or it was revoked already
     */
    public boolean revoke(String id, ReportScope managedBy) throws SQLException {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(managedBy, "managedBy");
        long now = clock.instant().getEpochSecond();
        return database.write(c -> {
            String sql = "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL"
                    + (managedBy.isMunicipality() ? "" : " AND club_id = ?");
            try (PreparedStatement update = c.prepareStatement(sql)) {
                update.setLong(1, now);
                update.setString(2, id.strip());
                if (!managedBy.isMunicipality()) {
                    update.setString(3, managedBy.clubId());
                }
                return update.executeUpdate() == 1;
            }
        });
    }

    /**
     * The token a client presented, revoked or not; empty if it is unknown here (a device's token
     * among them). Notes its use, at most once a {@link #LAST_USED_STEP} per token. Looked up every
     * time, uncached: a revocation holds from the next request on.
     */
    public Optional<ApiToken> find(String secret) throws SQLException {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String hash = Secrets.hashToken(secret);
        Optional<ApiToken> found = database.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " WHERE token_hash = ?")) {
                select.setString(1, hash);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(token(row)) : Optional.empty();
                }
            }
        });
        if (found.isPresent() && !found.get().revoked()) {
            noteUse(found.get());
        }
        return found;
    }

    private void noteUse(ApiToken token) throws SQLException {
        Instant now = clock.instant();
        if (token.lastUsedAt() != null
                && token.lastUsedAt().plus(LAST_USED_STEP).isAfter(now)) {
            return;
        }
        long due = now.minus(LAST_USED_STEP).getEpochSecond();
        database.write(c -> {
            // the condition again in SQL: two collectors, or two requests at once, write once
            try (PreparedStatement update = c.prepareStatement("UPDATE api_tokens SET last_used_at = ? WHERE id = ? "
                    + "AND (last_used_at IS NULL OR last_used_at <= ?)")) {
                update.setLong(1, now.getEpochSecond());
                update.setString(2, token.id());
                update.setLong(3, due);
                update.executeUpdate();
            }
            return null;
        });
    }

    private static String checkedName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a token needs a name (what it is for)");
        }
        String clean = name.strip();
        if (clean.length() > MAX_NAME) {
            throw new IllegalArgumentException("a token's name may have at most " + MAX_NAME + " characters");
        }
        if (clean.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a token's name cannot hold control characters");
        }
        return clean;
    }

    private static ApiToken token(ResultSet row) throws SQLException {
        String club = row.getString(3);
        return new ApiToken(
                row.getString(1),
                row.getString(2),
                club == null ? ReportScope.municipality() : ReportScope.club(club),
                row.getString(4),
                Instant.ofEpochSecond(row.getLong(5)),
                instant(row, 6),
                instant(row, 7));
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        long seconds = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochSecond(seconds);
    }

    private static Instant seconds(Instant instant) {
        return Instant.ofEpochSecond(instant.getEpochSecond());
    }
}
