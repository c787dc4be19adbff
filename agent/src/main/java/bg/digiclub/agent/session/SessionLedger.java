package bg.digiclub.agent.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.agent.member.MemberUsage;
import bg.digiclub.agent.session.SessionRecord.ClosedBy;
import bg.digiclub.agent.store.Database;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.EndReason;
import bg.digiclub.common.link.Sex;
import bg.digiclub.common.link.TileCategory;
import bg.digiclub.common.link.VisitorKind;
import bg.digiclub.common.link.WipeStepResult;
import bg.digiclub.support.sql.Rows;

/**
 * Every session of this PC, in the {@code session}, {@code session_wipe_step} and
 * {@code session_tile_category} tables (migrations V10, V12, V13): storage only. What may be
 * recorded, and when, is decided by {@link SessionAuthority}; every time given here is the agent's
 * own clock.
 */
public final class SessionLedger implements MemberUsage {
    private static final Logger LOG = LoggerFactory.getLogger(SessionLedger.class);
    private static final String COLUMNS = "id, kind, member_code, age_band, sex, started_at, allowed_ms, "
            + "last_heartbeat_at, remaining_ms, ended_at, end_reason, closed_by, wipe_ok";

    private final Database db;

    public SessionLedger(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** Records a new open session. */
    void insert(
            String id,
            VisitorKind kind,
            String memberCode,
            Demographics demographics,
            Instant startedAt,
            Duration allowed,
            String secretHash)
            throws SQLException {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO session (id, kind, member_code, age_band, sex, "
                    + "started_at, allowed_ms, secret_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, kind.name());
                ps.setString(3, memberCode);
                ps.setString(4, demographics.ageBand().name());
                ps.setString(5, demographics.sex().name());
                ps.setLong(6, startedAt.toEpochMilli());
                ps.setLong(7, allowed.toMillis());
                ps.setString(8, secretHash);
                return ps.executeUpdate();
            }
        });
        LOG.info("session {} started ({}) for {}", id, kind, allowed);
    }

    /** Records a sign of life of an open session, with the time it had left then. */
    void heartbeat(String id, Instant at, Duration remaining) throws SQLException {
        update(
                "UPDATE session SET last_heartbeat_at = ?, remaining_ms = ? WHERE id = ? AND closed_by IS NULL",
                at.toEpochMilli(),
                remaining.toMillis(),
                id);
    }

    /** Adds time to an open session. */
    void extend(String id, Duration more) throws SQLException {
        update(
                "UPDATE session SET allowed_ms = allowed_ms + ? WHERE id = ? AND closed_by IS NULL",
                more.toMillis(),
                id);
    }

    /**
     * Closes an open session.
     *
     * @return false if it was not open (someone closed it first)
     */
    boolean close(String id, Instant endedAt, EndReason reason, ClosedBy by) throws SQLException {
        return db.write(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE session SET ended_at = ?, end_reason = ?, closed_by = ? "
                            + "WHERE id = ? AND closed_by IS NULL")) {
                ps.setLong(1, endedAt.toEpochMilli());
                ps.setString(2, reason.name());
                ps.setString(3, by.name());
                ps.setString(4, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * Records that a session opened a launcher tile of {@code category}; each category once per
     * session, however many of its tiles were opened.
     */
    void recordTileCategory(String id, TileCategory category) throws SQLException {
        update(
                "INSERT INTO session_tile_category (session_id, category) VALUES (?, ?) "
                        + "ON CONFLICT (session_id, category) DO NOTHING",
                id,
                category.name());
    }

    /** Records how ending the visitor's programs and resetting the home went, once per session. */
    void recordReset(String id, List<WipeStepResult> steps) throws SQLException {
        boolean ok = !steps.isEmpty() && steps.stream().allMatch(WipeStepResult::ok);
        db.write(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE session SET wipe_ok = ? WHERE id = ? AND wipe_ok IS NULL")) {
                ps.setInt(1, ok ? 1 : 0);
                ps.setString(2, id);
                if (ps.executeUpdate() == 1) {
                    insertWipe(c, id, steps);
                }
            }
            return null;
        });
    }

    /** The open session, if any (the newest if an old database holds several). */
    public Optional<SessionRecord> openSession() throws SQLException {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM session WHERE closed_by IS NULL " + "ORDER BY started_at DESC LIMIT 1")) {
                List<SessionRecord> found = list(ps);
                return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
            }
        });
    }

    /** When the last closed session ended, if any did (the queue's "right after one ended"). */
    public Optional<Instant> lastEndedAt() throws SQLException {
        return Optional.ofNullable(db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(ended_at) FROM session")) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long at = rs.getLong(1);
                    return rs.wasNull() ? null : Instant.ofEpochMilli(at);
                }
            }
        }));
    }

    /** Whether {@code secret} is the one handed out for this session (compared in constant time). */
    boolean secretMatches(String id, String secret) throws SQLException {
        String stored = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT secret_hash FROM session WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        return stored != null
                && MessageDigest.isEqual(
                        stored.getBytes(StandardCharsets.US_ASCII),
                        SessionSecrets.hash(secret).getBytes(StandardCharsets.US_ASCII));
    }

    /** The session of this id, if recorded. */
    public Optional<SessionRecord> find(String sessionId) throws SQLException {
        return Optional.ofNullable(db.read(c -> find(c, sessionId)));
    }

    /** The reset steps of a session, in the order they ran. */
    public List<WipeStepResult> wipeSteps(String sessionId) throws SQLException {
        return db.read(c -> {
            List<WipeStepResult> result = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT step, ok, detail FROM session_wipe_step WHERE session_id = ? ORDER BY position")) {
                ps.setString(1, sessionId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.add(new WipeStepResult(rs.getString(1), rs.getInt(2) == 1, rs.getString(3)));
                    }
                }
            }
            return result;
        });
    }

    /**
     * Every session that started before {@code to} and whose {@link SessionRecord#effectiveEnd()}
     * is not before {@code from}, oldest first: the input of per-hour aggregation, which clips
     * each with {@link SessionRecord#overlap}.
     */
    public List<SessionRecord> sessionsOverlapping(Instant from, Instant to) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM session WHERE started_at < ? "
                    + "AND COALESCE(ended_at, last_heartbeat_at, started_at) >= ? ORDER BY started_at, id")) {
                ps.setLong(1, to.toEpochMilli());
                ps.setLong(2, from.toEpochMilli());
                return list(ps);
            }
        });
    }

    /**
     * The tile categories opened by each session that {@link #sessionsOverlapping} returns for the
     * same instants, by session id; sessions that opened none are left out.
     */
    public Map<String, Set<TileCategory>> tileCategoriesOverlapping(Instant from, Instant to) throws SQLException {
        return db.read(c -> {
            Map<String, Set<TileCategory>> result = new HashMap<>();
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT t.session_id, t.category FROM session_tile_category t "
                            + "JOIN session s ON s.id = t.session_id WHERE s.started_at < ? "
                            + "AND COALESCE(s.ended_at, s.last_heartbeat_at, s.started_at) >= ?")) {
                ps.setLong(1, to.toEpochMilli());
                ps.setLong(2, from.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.computeIfAbsent(rs.getString(1), k -> EnumSet.noneOf(TileCategory.class))
                                .add(TileCategory.valueOf(rs.getString(2)));
                    }
                }
            }
            return result;
        });
    }

    @Override
    public Duration usedBetween(String cardCode, Instant from, Instant to) {
        return memberUsage(cardCode, from, to);
    }

    /** The codes of the member cards with a session overlapping two instants (for the club's daily allowance). */
    @Override
    public Set<String> codesBetween(Instant from, Instant to) {
        try {
            return db.read(c -> {
                Set<String> codes = new TreeSet<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT member_code FROM session "
                        + "WHERE member_code IS NOT NULL AND started_at < ? "
                        + "AND COALESCE(ended_at, last_heartbeat_at, started_at) >= ?")) {
                    ps.setLong(1, to.toEpochMilli());
                    ps.setLong(2, from.toEpochMilli());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            codes.add(rs.getString(1));
                        }
                    }
                }
                return codes;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("session ledger could not be read: " + e.getMessage(), e);
        }
    }

    /** The session time of one member card between two instants (for the daily allowance). */
    public Duration memberUsage(String memberCode, Instant from, Instant to) {
        try {
            List<SessionRecord> sessions = db.read(c -> {
                try (PreparedStatement ps =
                        c.prepareStatement("SELECT " + COLUMNS + " FROM session WHERE member_code = ? "
                                + "AND started_at < ? AND COALESCE(ended_at, last_heartbeat_at, started_at) >= ?")) {
                    ps.setString(1, memberCode);
                    ps.setLong(2, to.toEpochMilli());
                    ps.setLong(3, from.toEpochMilli());
                    return list(ps);
                }
            });
            return sessions.stream().map(s -> s.overlap(from, to)).reduce(Duration.ZERO, Duration::plus);
        } catch (SQLException e) {
            // a member store treats this like any storage failure of its own
            throw new IllegalStateException("session ledger could not be read: " + e.getMessage(), e);
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

    private static void insertWipe(Connection c, String sessionId, List<WipeStepResult> wipe) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO session_wipe_step (session_id, position, step, ok, detail) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < wipe.size(); i++) {
                WipeStepResult step = wipe.get(i);
                ps.setString(1, sessionId);
                ps.setInt(2, i);
                ps.setString(3, step.step());
                ps.setInt(4, step.ok() ? 1 : 0);
                ps.setString(5, step.detail());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static SessionRecord find(Connection c, String sessionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM session WHERE id = ?")) {
            ps.setString(1, sessionId);
            List<SessionRecord> found = list(ps);
            return found.isEmpty() ? null : found.get(0);
        }
    }

    private static List<SessionRecord> list(PreparedStatement ps) throws SQLException {
        List<SessionRecord> result = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String closedBy = rs.getString("closed_by");
                String reason = rs.getString("end_reason");
                Integer wipeOk = Rows.intOrNull(rs, "wipe_ok");
                result.add(new SessionRecord(
                        rs.getString("id"),
                        VisitorKind.valueOf(rs.getString("kind")),
                        rs.getString("member_code"),
                        new Demographics(AgeBand.valueOf(rs.getString("age_band")), Sex.valueOf(rs.getString("sex"))),
                        Instant.ofEpochMilli(rs.getLong("started_at")),
                        Duration.ofMillis(rs.getLong("allowed_ms")),
                        Rows.epochMilliOrNull(rs, "last_heartbeat_at"),
                        Rows.millisOrNull(rs, "remaining_ms"),
                        Rows.epochMilliOrNull(rs, "ended_at"),
                        reason == null ? null : EndReason.valueOf(reason),
                        closedBy == null ? null : ClosedBy.valueOf(closedBy),
                        wipeOk == null ? null : wipeOk == 1));
            }
        }
        return result;
    }
}
