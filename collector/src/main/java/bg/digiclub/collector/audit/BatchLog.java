package bg.digiclub.collector.audit;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.support.sql.SqlDatabase;

/**
 * The append-only, hash-chained log of stored batches ({@code batch_log}, migration V9). The store
 * calls {@link #append} inside the transaction that writes a group of batches, after their rows: each
 * batch's figures are read back as that transaction stored them and hashed ({@link FiguresText}), and
 * its line is chained to the head. So a batch is stored with its line or not at all.
 *
 * <p>Two collectors over one PostgreSQL keep one chain: an append locks the head's one row
 * ({@code batch_log_head}, {@code FOR UPDATE}) until its transaction ends, as the last thing it does
 * before committing, so the lock is held briefly and never while waiting for another lock. SQLite has one
 * writer at a time anyway.
 *
 * <p>The triggers that refuse UPDATE and DELETE on {@code batch_log} ({@link LogGuard}) are created here
 * ({@link #prepare}, at every start) because the two databases write triggers differently and the migrations'
 * SQL runs on both. Finding them missing, disabled or altered on a chain that has begun is itself written into
 * the chain (a {@link ChainEntry#GUARD_RESTORED} line) before they are re-created, so that {@code audit verify}
 * reports it for ever after, however often the collector restarted since.
 */
public final class BatchLog {
    private static final Logger LOG = LoggerFactory.getLogger(BatchLog.class);

    private BatchLog() {}

    /** A batch just stored, as its {@code batches} row says. */
    public record Stored(String batchId, String deviceId, String kind, long receivedAt) {
        public Stored {
            Objects.requireNonNull(batchId, "batchId");
            Objects.requireNonNull(deviceId, "deviceId");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** The head of the chain: the last line's number and hash (0 and {@link ChainEntry#ZERO} before the genesis). */
    public record Head(long seq, String hash) {}

    /**
     * Runs at every start. On a database whose chain has not begun, creates the triggers and writes the
     * genesis: the hash of every raw row stored before. On a chain that has begun, if the triggers are not as
     * they were made ({@link LogGuard#faults}: someone dropped, disabled or replaced them), appends a
     * {@link ChainEntry#GUARD_RESTORED} line and re-creates them, in one transaction: the chain then says for
     * good that the log was unguarded for a time before that line.
     */
    public static void prepare(SqlDatabase database, Clock clock) throws SQLException {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(clock, "clock");
        database.write(c -> {
            // the head's lock first: two collectors starting together look at the triggers one after the other
            Head head = lockHead(c);
            List<String> faults = LogGuard.faults(c);
            if (head.seq() == 0) {
                LogGuard.install(c);
                insert(c, List.of(genesis(c, head, clock.millis())));
            } else if (!faults.isEmpty()) {
                LOG.warn(
                        "the triggers that keep batch_log append-only were not in place ({}): re-created, and line {} "
                                + "of the batch log records it for audit verify",
                        String.join("; ", faults),
                        head.seq() + 1);
                insert(c, List.of(guardRestored(head, clock.millis(), faults)));
                LogGuard.install(c);
            }
            return null;
        });
    }

    /**
     * Appends the batches' lines, in order, inside the caller's transaction, after their rows were
     * written. The genesis is written before, at the start ({@link #prepare}).
     */
    public static void append(Connection c, List<Stored> batches) throws SQLException {
        if (batches.isEmpty()) {
            return;
        }
        Map<String, String> figures =
                FiguresText.ofBatches(c, batches.stream().map(Stored::batchId).toList());
        Head head = lockHead(c);
        if (head.seq() == 0) {
            // the genesis must not count these batches' rows, which are written already
            throw new IllegalStateException("the batch log has no genesis: the database was not opened with "
                    + "BatchLog.prepare (Database.open runs it)");
        }
        List<ChainEntry> lines = new ArrayList<>();
        long seq = head.seq();
        String prev = head.hash();
        for (Stored batch : batches) {
            ChainEntry line = ChainEntry.next(
                    ++seq,
                    batch.batchId(),
                    batch.deviceId(),
                    batch.kind(),
                    batch.receivedAt(),
                    figures.get(batch.batchId()),
                    prev);
            lines.add(line);
            prev = line.hash();
        }
        insert(c, lines);
    }

    /** The head as it is now, without locking it. */
    public static Head head(Connection c) throws SQLException {
        return readHead(c, "");
    }

    /** The first line: the hash of every raw row that belongs to no logged batch (all of them, then). */
    private static ChainEntry genesis(Connection c, Head head, long at) throws SQLException {
        return ChainEntry.next(
                head.seq() + 1, null, null, ChainEntry.GENESIS, at, FiguresText.outsideTheLog(c), head.hash());
    }

    /**
     * The line that records the triggers found not in place at a start: its figures hash is the SHA-256 of
     * what was found, one fault a line (the collector's log has the text).
     */
    private static ChainEntry guardRestored(Head head, long at, List<String> faults) {
        String found = String.join("\n", faults);
        return ChainEntry.next(
                head.seq() + 1,
                null,
                null,
                ChainEntry.GUARD_RESTORED,
                at,
                Sha256.of(found.getBytes(StandardCharsets.UTF_8)),
                head.hash());
    }

    /** The head, its row locked until the transaction ends (PostgreSQL; SQLite has one writer). */
    private static Head lockHead(Connection c) throws SQLException {
        return readHead(c, isPostgres(c) ? " FOR UPDATE" : "");
    }

    private static Head readHead(Connection c, String lock) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet row = st.executeQuery("SELECT seq, hash FROM batch_log_head WHERE id = 1" + lock)) {
            if (!row.next()) {
                throw new SQLException("batch_log_head has no row: the database was altered by hand");
            }
            return new Head(row.getLong(1), row.getString(2));
        }
    }

    private static void insert(Connection c, List<ChainEntry> lines) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO batch_log (seq, batch_id, device_id, kind, "
                + "received_at, figures_hash, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ChainEntry line : lines) {
                insert.setLong(1, line.seq());
                insert.setString(2, line.batchId());
                insert.setString(3, line.deviceId());
                insert.setString(4, line.kind());
                insert.setLong(5, line.receivedAt());
                insert.setString(6, line.figuresHash());
                insert.setString(7, line.prevHash());
                insert.setString(8, line.hash());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        ChainEntry last = lines.get(lines.size() - 1);
        try (PreparedStatement update =
                c.prepareStatement("UPDATE batch_log_head SET seq = ?, hash = ? WHERE id = 1")) {
            update.setLong(1, last.seq());
            update.setString(2, last.hash());
            update.executeUpdate();
        }
    }

    static boolean isPostgres(Connection c) throws SQLException {
        return "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
    }
}
