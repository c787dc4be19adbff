package bg.digiclub.agent.upload;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.agent.store.Database;
import bg.digiclub.common.batch.BatchKind;

/**
 * Sealed batches waiting for the collector, in the agent's SQLite (table {@code outbox}).
 *
 * <p>Crash safety: sealing (sequence number, eviction report, payload) is one transaction, and
 * so is each change of a batch's state; a batch is deleted only by {@link #delivered(UUID)},
 * which the uploader calls after a 2xx. A batch's id and payload never change after sealing, so
 * a batch sent twice (the answer lost to a crash or a reset) is the same request twice, which
 * the collector's idempotency turns into one.
 *
 * <p>Bounds ({@link OutboxLimits}): by age per kind, and by total size, evicting quarantined
 * batches first, then the oldest health, then the oldest usage batches. Each eviction is
 * counted by kind and reported in the next sealed batch's envelope ({@link SealInfo#evictions()}).
 */
public final class Outbox {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final String COLUMNS =
            "batch_id, kind, sequence, created_at, payload, attempts, next_attempt_at, quarantined_reason";

    private final Database db;
    private final OutboxLimits limits;
    private final PayloadGuard guard;
    private final Clock clock;

    public Outbox(Database db, OutboxLimits limits, PayloadGuard guard, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.guard = Objects.requireNonNull(guard, "guard");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public OutboxLimits limits() {
        return limits;
    }

    /** Seals a batch in its own transaction. */
    public SealInfo seal(BatchKind kind, PayloadWriter writer) throws SQLException {
        return db.write(c -> seal(c, kind, writer));
    }

    /**
     * Seals a batch inside the caller's transaction (so the caller can record what it sealed in
     * the same commit): evicts what is over the bounds, fixes a random batch id and the next
     * sequence number, takes the unreported eviction counts, writes and checks the payload,
     * stores it gzip-compressed.
     *
     * @throws PrivacyViolation        if the guard refuses the payload (nothing is sealed)
     * @throws BatchRejected           if the contract's records refuse the batch ({@link BatchWriter}; nothing is sealed)
     * @throws IllegalArgumentException if the compressed payload is over {@link OutboxLimits#maxBatchBytes()}
     */
    public SealInfo seal(Connection c, BatchKind kind, PayloadWriter writer) throws SQLException {
        Objects.requireNonNull(kind, "kind");
        Instant now = clock.instant();
        evictOverLimits(c, now, 0);
        long sequence = nextSequence(c);
        Map<BatchKind, Long> evictions = takeEvictionCounts(c);
        SealInfo info = new SealInfo(UUID.randomUUID(), kind, sequence, evictions);
        byte[] json = writer.write(info);
        guard.check(kind, new String(json, StandardCharsets.UTF_8));
        byte[] gzip = Gzip.compress(json);
        if (gzip.length > limits.maxBatchBytes()) {
            throw new IllegalArgumentException(kind + " batch of " + gzip.length + " bytes gzip is over the limit of "
                    + limits.maxBatchBytes() + " bytes (upload.max-batch-bytes)");
        }
        evictOverLimits(c, now, gzip.length);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox (batch_id, kind, sequence, created_at, "
                + "payload, attempts, next_attempt_at, carried_usage_evictions, carried_health_evictions) "
                + "VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)")) {
            ps.setString(1, info.batchId().toString());
            ps.setString(2, kind.name());
            ps.setLong(3, sequence);
            ps.setLong(4, now.toEpochMilli());
            ps.setBytes(5, gzip);
            ps.setLong(6, now.toEpochMilli());
            ps.setLong(7, info.evicted(BatchKind.USAGE));
            ps.setLong(8, info.evicted(BatchKind.HEALTH));
            ps.executeUpdate();
        }
        LOG.debug("sealed {} batch #{} ({} bytes gzip)", kind, sequence, gzip.length);
        return info;
    }

    /**
     * Sendable batches of the given kinds, oldest (lowest sequence) first: not quarantined and
     * due at {@code now}.
     */
    public List<SealedBatch> sendable(Set<BatchKind> kinds, Instant now, int limit) throws SQLException {
        if (kinds.isEmpty()) {
            return List.of();
        }
        String in = kinds.stream().map(k -> "'" + k.name() + "'").collect(Collectors.joining(","));
        return db.read(c -> query(
                c,
                "SELECT " + COLUMNS + " FROM outbox WHERE quarantined_reason IS NULL" + " AND kind IN (" + in
                        + ") AND next_attempt_at <= ? ORDER BY sequence LIMIT ?",
                ps -> {
                    ps.setLong(1, now.toEpochMilli());
                    ps.setInt(2, limit);
                }));
    }

    /** Every batch, quarantined or not, oldest first (for inspection and tests). */
    public List<SealedBatch> all() throws SQLException {
        return db.read(c -> query(c, "SELECT " + COLUMNS + " FROM outbox ORDER BY sequence", ps -> {}));
    }

    /** Quarantined batches, oldest first. */
    public List<SealedBatch> quarantined() throws SQLException {
        return db.read(c -> query(
                c,
                "SELECT " + COLUMNS + " FROM outbox WHERE quarantined_reason IS NOT NULL" + " ORDER BY sequence",
                ps -> {}));
    }

    /** The collector has the batch (it answered 2xx): delete it. */
    public void delivered(UUID batchId) throws SQLException {
        db.write(c -> update(c, "DELETE FROM outbox WHERE batch_id = ?", ps -> ps.setString(1, batchId.toString())));
    }

    /**
     * Drops a batch that must not be sent as it is (it was sealed while the PC's clock was
     * wrong), inside the caller's transaction; the caller seals its periods again. Not an
     * eviction: nothing real is lost.
     */
    public void discard(Connection c, String batchId) throws SQLException {
        update(c, "DELETE FROM outbox WHERE batch_id = ?", ps -> ps.setString(1, batchId));
    }

    /** Sending failed in a way worth retrying: count the attempt, wait until {@code nextAttemptAt}. */
    public void failed(UUID batchId, Instant nextAttemptAt, String error) throws SQLException {
        db.write(c -> update(
                c,
                "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?"
                        + " WHERE batch_id = ?",
                ps -> {
                    ps.setLong(1, nextAttemptAt.toEpochMilli());
                    ps.setString(2, error);
                    ps.setString(3, batchId.toString());
                }));
    }

    /**
     * The collector refused the batch for good: keep it for inspection, never send it again. The
     * evictions it was reporting will not reach the collector with it, so they go back to be
     * reported by the next batch sealed.
     */
    public void quarantine(UUID batchId, String reason) throws SQLException {
        db.write(c -> {
            try (PreparedStatement carried = c.prepareStatement("SELECT carried_usage_evictions, "
                    + "carried_health_evictions FROM outbox WHERE batch_id = ? AND quarantined_reason IS NULL")) {
                carried.setString(1, batchId.toString());
                try (ResultSet rs = carried.executeQuery()) {
                    if (rs.next()) {
                        addPending(c, BatchKind.USAGE, rs.getLong(1));
                        addPending(c, BatchKind.HEALTH, rs.getLong(2));
                    }
                }
            }
            return update(
                    c,
                    "UPDATE outbox SET quarantined_reason = ?, quarantined_at = ?, carried_usage_evictions = 0, "
                            + "carried_health_evictions = 0 WHERE batch_id = ?",
                    ps -> {
                        ps.setString(1, reason.isBlank() ? "(no reason given)" : reason);
                        ps.setLong(2, clock.millis());
                        ps.setString(3, batchId.toString());
                    });
        });
    }

    /** Evicts what is over the bounds now; returns how many batches of each kind went. */
    public Map<BatchKind, Integer> enforceLimits() throws SQLException {
        return db.write(c -> evictOverLimits(c, clock.instant(), 0));
    }

    public OutboxStats stats() throws SQLException {
        return db.read(c -> {
            Map<BatchKind, Integer> waiting = new EnumMap<>(BatchKind.class);
            int quarantined = 0;
            long bytes = 0;
            Optional<Instant> oldest = Optional.empty();
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery(
                            "SELECT kind, quarantined_reason IS NOT NULL, COUNT(*), SUM(LENGTH(payload)), MIN(created_at)"
                                    + " FROM outbox GROUP BY 1, 2")) {
                while (rs.next()) {
                    int n = rs.getInt(3);
                    bytes += rs.getLong(4);
                    if (rs.getBoolean(2)) {
                        quarantined += n;
                    } else {
                        waiting.merge(BatchKind.valueOf(rs.getString(1)), n, Integer::sum);
                        Instant t = Instant.ofEpochMilli(rs.getLong(5));
                        oldest = Optional.of(oldest.filter(o -> o.isBefore(t)).orElse(t));
                    }
                }
            }
            return new OutboxStats(waiting, quarantined, bytes, oldest, pendingEvictions(c));
        });
    }

    private Map<BatchKind, Integer> evictOverLimits(Connection c, Instant now, long incomingBytes) throws SQLException {
        Map<BatchKind, Integer> evicted = new EnumMap<>(BatchKind.class);
        for (BatchKind kind : BatchKind.values()) {
            long cutoff = now.minus(limits.maxAge(kind)).toEpochMilli();
            List<String> old =
                    ids(c, "SELECT batch_id FROM outbox WHERE kind = '" + kind.name() + "' AND created_at < " + cutoff);
            evict(c, old, kind, evicted, "older than " + limits.maxAge(kind).toDays() + " days");
        }
        long total = totalBytes(c) + incomingBytes;
        if (total > limits.maxTotalBytes()) {
            // Quarantined first (never sendable), then health, then usage; oldest first in each.
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery(
                            "SELECT batch_id, kind, LENGTH(payload) FROM outbox ORDER BY quarantined_reason IS NULL, "
                                    + "CASE kind WHEN 'HEALTH' THEN 0 ELSE 1 END, sequence")) {
                List<String[]> victims = new ArrayList<>();
                while (total > limits.maxTotalBytes() && rs.next()) {
                    victims.add(new String[] {rs.getString(1), rs.getString(2)});
                    total -= rs.getLong(3);
                }
                rs.close();
                for (String[] v : victims) {
                    evict(
                            c,
                            List.of(v[0]),
                            BatchKind.valueOf(v[1]),
                            evicted,
                            "outbox over " + limits.maxTotalBytes() + " bytes");
                }
            }
        }
        return evicted;
    }

    /**
     * Deletes the batches and counts them as evicted. A batch that carried an eviction report
     * hands it back, so that every eviction is reported once in a batch that reaches the collector
     * (or again in the next one if that is evicted too).
     */
    private static void evict(
            Connection c, List<String> ids, BatchKind kind, Map<BatchKind, Integer> evicted, String why)
            throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        long carriedUsage = 0;
        long carriedHealth = 0;
        try (PreparedStatement carried = c.prepareStatement("SELECT carried_usage_evictions, carried_health_evictions "
                        + "FROM outbox WHERE batch_id = ?");
                PreparedStatement del = c.prepareStatement("DELETE FROM outbox WHERE batch_id = ?")) {
            for (String id : ids) {
                carried.setString(1, id);
                try (ResultSet rs = carried.executeQuery()) {
                    if (rs.next()) {
                        carriedUsage += rs.getLong(1);
                        carriedHealth += rs.getLong(2);
                    }
                }
                del.setString(1, id);
                del.executeUpdate();
            }
        }
        addPending(c, BatchKind.USAGE, carriedUsage + (kind == BatchKind.USAGE ? ids.size() : 0));
        addPending(c, BatchKind.HEALTH, carriedHealth + (kind == BatchKind.HEALTH ? ids.size() : 0));
        evicted.merge(kind, ids.size(), Integer::sum);
        LOG.warn("evicted {} {} batch(es) from the outbox: {}", ids.size(), kind, why);
    }

    private static void addPending(Connection c, BatchKind kind, long n) throws SQLException {
        if (n == 0) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox_eviction (kind, pending) VALUES (?, ?)"
                + " ON CONFLICT (kind) DO UPDATE SET pending = pending + excluded.pending")) {
            ps.setString(1, kind.name());
            ps.setLong(2, n);
            ps.executeUpdate();
        }
    }

    private static long nextSequence(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE upload_state SET last_sequence = last_sequence + 1 WHERE id = 1");
            try (ResultSet rs = st.executeQuery("SELECT last_sequence FROM upload_state WHERE id = 1")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Map<BatchKind, Long> takeEvictionCounts(Connection c) throws SQLException {
        Map<BatchKind, Long> counts = pendingEvictions(c);
        try (Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM outbox_eviction");
        }
        return counts;
    }

    private static Map<BatchKind, Long> pendingEvictions(Connection c) throws SQLException {
        Map<BatchKind, Long> counts = new EnumMap<>(BatchKind.class);
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT kind, pending FROM outbox_eviction")) {
            while (rs.next()) {
                counts.put(BatchKind.valueOf(rs.getString(1)), rs.getLong(2));
            }
        }
        return counts;
    }

    private static long totalBytes(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COALESCE(SUM(LENGTH(payload)), 0) FROM outbox")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> ids(Connection c, String sql) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    private static List<SealedBatch> query(Connection c, String sql, Binder binder) throws SQLException {
        List<SealedBatch> result = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new SealedBatch(
                            UUID.fromString(rs.getString(1)),
                            BatchKind.valueOf(rs.getString(2)),
                            rs.getLong(3),
                            Instant.ofEpochMilli(rs.getLong(4)),
                            rs.getBytes(5),
                            rs.getInt(6),
                            Instant.ofEpochMilli(rs.getLong(7)),
                            Optional.ofNullable(rs.getString(8))));
                }
            }
        }
        return result;
    }

    private static Void update(Connection c, String sql, Binder binder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            ps.executeUpdate();
        }
        return null;
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }
}
