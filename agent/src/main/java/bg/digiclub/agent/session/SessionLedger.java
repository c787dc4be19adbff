package bg.digiclub.agent.session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.agent.session.SessionRecord.ClosedBy;
import bg.digiclub.agent.store.Database;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.EndReason;
import bg.digiclub.common.link.SessionEnd;
import bg.digiclub.common.link.SessionHeartbeat;
import bg.digiclub.common.link.SessionStart;
import bg.digiclub.common.link.Sex;
import bg.digiclub.common.link.VisitorKind;
import bg.digiclub.common.link.WipeStepResult;

/**
 * Every session of this PC, in the {@code session} and {@code session_wipe_step} tables
 * (migration V10).
 *
 * <p>Events may arrive twice (the kiosk spools them while the agent is away and delivers them
 * again if an answer was lost), so each is idempotent: a start of a known id, a heartbeat older
 * than the last one, an end of a session the kiosk already ended, all change nothing and answer
 * {@code false}.
 *
 * <p>Interruptions: at start-up the agent closes sessions left open as INTERRUPTED at their last
 * heartbeat ({@link #closeInterrupted()}), so a power cut loses at most one heartbeat interval.
 * That close is provisional: the agent may have restarted under a kiosk that is still running,
 * so a later heartbeat reopens the session, and the kiosk's own end (with the wipe results)
 * replaces it. A session that ends as INTERRUPTED ends at its last sign of life, not when the
 * kiosk came back to report it.
 */
public final class SessionLedger {
    private static final Logger LOG = LoggerFactory.getLogger(SessionLedger.class);
    /** The kiosk makes session ids as UUIDs; anything of this shape is accepted. */
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final String COLUMNS = "id, kind, member_code, age_band, sex, started_at, allowed_ms, "
            + "last_heartbeat_at, remaining_ms, ended_at, end_reason, closed_by, wipe_ok";

    private final Database db;

    public SessionLedger(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /**
     * Records a session's start.
     *
     * @return true if recorded now, false if this session id was recorded before
     * @throws IllegalArgumentException if the id is not a plain token or the allowed time is negative
     */
    public boolean start(SessionStart start) throws SQLException {
        checkId(start.sessionId());
        if (start.allowed().isNegative()) {
            throw new IllegalArgumentException("allowed must not be negative, got " + start.allowed());
        }
        int inserted = db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO session "
                    + "(id, kind, member_code, age_band, sex, started_at, allowed_ms) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, start.sessionId());
                ps.setString(2, start.kind().name());
                ps.setString(3, start.memberCode());
                ps.setString(4, start.demographics().ageBand().name());
                ps.setString(5, start.demographics().sex().name());
                ps.setLong(6, start.startedAt().toEpochMilli());
                ps.setLong(7, start.allowed().toMillis());
                return ps.executeUpdate();
            }
        });
        if (inserted == 1) {
            LOG.info("session {} started ({})", start.sessionId(), start.kind());
        }
        return inserted == 1;
    }

    /**
     * Records that a session is still running.
     *
     * @return true if recorded, false if older than the last heartbeat or the kiosk already ended the session
     * @throws UnknownSessionException if no session of this id was started
     */
    public boolean heartbeat(SessionHeartbeat heartbeat) throws SQLException, UnknownSessionException {
        checkId(heartbeat.sessionId());
        if (heartbeat.remaining().isNegative()) {
            throw new IllegalArgumentException("remaining must not be negative, got " + heartbeat.remaining());
        }
        Applied applied = db.transaction(c -> {
            SessionRecord s = find(c, heartbeat.sessionId());
            if (s == null) {
                return Applied.UNKNOWN;
            }
            if (s.closedBy() == ClosedBy.KIOSK
                    || (s.lastHeartbeatAt() != null && !heartbeat.at().isAfter(s.lastHeartbeatAt()))) {
                return Applied.NO;
            }
            if (s.closedBy() == ClosedBy.RECOVERY) {
                LOG.info("session {} is alive after all: reopened", s.id());
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE session SET last_heartbeat_at = ?, remaining_ms = ?, "
                    + "ended_at = NULL, end_reason = NULL, closed_by = NULL WHERE id = ?")) {
                ps.setLong(1, heartbeat.at().toEpochMilli());
                ps.setLong(2, heartbeat.remaining().toMillis());
                ps.setString(3, s.id());
                ps.executeUpdate();
            }
            return Applied.YES;
        });
        return applied.orThrow(heartbeat.sessionId());
    }

    /**
     * Closes a session with its reason and wipe results.
     *
     * @return true if recorded, false if the kiosk had already ended this session
     * @throws UnknownSessionException if no session of this id was started
     */
    public boolean end(SessionEnd end) throws SQLException, UnknownSessionException {
        checkId(end.sessionId());
        Applied applied = db.transaction(c -> {
            SessionRecord s = find(c, end.sessionId());
            if (s == null) {
                return Applied.UNKNOWN;
            }
            if (s.closedBy() == ClosedBy.KIOSK) {
                return Applied.NO;
            }
            Instant endedAt;
            if (end.reason() == EndReason.INTERRUPTED) {
                // the kiosk reports this after it came back; the session ended at its last sign of life
                endedAt = s.closedBy() == ClosedBy.RECOVERY ? s.endedAt() : s.effectiveEnd();
            } else {
                endedAt = end.endedAt().isBefore(s.startedAt()) ? s.startedAt() : end.endedAt();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE session SET ended_at = ?, end_reason = ?, closed_by = 'KIOSK', wipe_ok = ? WHERE id = ?")) {
                ps.setLong(1, endedAt.toEpochMilli());
                ps.setString(2, end.reason().name());
                ps.setInt(3, end.wipeSucceeded() ? 1 : 0);
                ps.setString(4, s.id());
                ps.executeUpdate();
            }
            insertWipe(c, s.id(), end.wipe());
            return Applied.YES;
        });
        if (applied == Applied.YES) {
            LOG.info("session {} ended ({}), wipe {}", end.sessionId(), end.reason(), end.wipeSucceeded() ? "ok" : "FAILED");
        }
        return applied.orThrow(end.sessionId());
    }

    /**
     * Closes every open session as INTERRUPTED at its last heartbeat (or its start). Called once
     * when the agent starts, before the link accepts events.
     *
     * @return how many sessions were closed
     */
    public int closeInterrupted() throws SQLException {
        int closed = db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE session SET ended_at = COALESCE(last_heartbeat_at, started_at), "
                    + "end_reason = 'INTERRUPTED', closed_by = 'RECOVERY' WHERE ended_at IS NULL")) {
                return ps.executeUpdate();
            }
        });
        if (closed > 0) {
            LOG.warn("{} session(s) were still open at start-up; closed as interrupted at their last heartbeat", closed);
        }
        return closed;
    }

    /**
     * The session the kiosk has not finished: still open, or closed by {@link #closeInterrupted()}
     * without the kiosk having reported its end and wipe. A kiosk that starts ends it as
     * INTERRUPTED and runs the wipe. The newest if there are several.
     */
    public Optional<String> openSessionId() throws SQLException {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM session WHERE closed_by IS NULL OR closed_by = 'RECOVERY' "
                    + "ORDER BY started_at DESC LIMIT 1");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        });
    }

    /** The session of this id, if recorded. */
    public Optional<SessionRecord> find(String sessionId) throws SQLException {
        return Optional.ofNullable(db.read(c -> find(c, sessionId)));
    }

    /** The wipe steps the kiosk reported for a session, in the order it ran them. */
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

    /** The session time of one member card between two instants (for the daily allowance). */
    public Duration memberUsage(String memberCode, Instant from, Instant to) {
        try {
            List<SessionRecord> sessions = db.read(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM session WHERE member_code = ? "
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
                Integer wipeOk = integer(rs, "wipe_ok");
                result.add(new SessionRecord(rs.getString("id"), VisitorKind.valueOf(rs.getString("kind")),
                        rs.getString("member_code"),
                        new Demographics(AgeBand.valueOf(rs.getString("age_band")), Sex.valueOf(rs.getString("sex"))),
                        Instant.ofEpochMilli(rs.getLong("started_at")), Duration.ofMillis(rs.getLong("allowed_ms")),
                        instant(rs, "last_heartbeat_at"), millis(rs, "remaining_ms"), instant(rs, "ended_at"),
                        reason == null ? null : EndReason.valueOf(reason),
                        closedBy == null ? null : ClosedBy.valueOf(closedBy),
                        wipeOk == null ? null : wipeOk == 1));
            }
        }
        return result;
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static Duration millis(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Duration.ofMillis(v);
    }

    private static void checkId(String sessionId) {
        if (!SESSION_ID.matcher(sessionId).matches()) {
            throw new IllegalArgumentException("sessionId must be 1 to 64 letters, digits or dashes");
        }
    }

    /** Whether an event changed the ledger. */
    private enum Applied {
        YES, NO, UNKNOWN;

        boolean orThrow(String sessionId) throws UnknownSessionException {
            if (this == UNKNOWN) {
                throw new UnknownSessionException(sessionId);
            }
            return this == YES;
        }
    }
}
