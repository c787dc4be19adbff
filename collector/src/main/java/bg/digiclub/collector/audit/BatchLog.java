package bg.digiclub.collector.audit;

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
 * <p>The triggers that refuse UPDATE and DELETE on {@code batch_log} are created here ({@link #prepare}, at
 * every start) because the two databases write triggers differently and the migrations' SQL runs on both.
 */
public final class BatchLog {
    private static final String APPEND_ONLY = "batch_log is append-only";

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
     * Creates the triggers (again, if someone dropped them) and, on a database whose chain has not
     * begun, writes the genesis: the hash of every raw row stored before. Runs at every start.
     */
    public static void prepare(SqlDatabase database, Clock clock) throws SQLException {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(clock, "clock");
        database.write(c -> {
            Head head = lockHead(c);
            createTriggers(c);
            if (head.seq() == 0) {
                insert(c, List.of(genesis(c, head, clock.millis())));
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

    private static void createTriggers(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            if (isPostgres(c)) {
                st.execute("CREATE OR REPLACE FUNCTION batch_log_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ "
                        + "BEGIN RAISE EXCEPTION '" + APPEND_ONLY + ": % refused', TG_OP; END $$");
                boolean present;
                try (ResultSet row = st.executeQuery("SELECT COUNT(*) FROM pg_trigger "
                        + "WHERE tgrelid = 'batch_log'::regclass AND tgname IN ('batch_log_no_change', "
                        + "'batch_log_no_truncate')")) {
                    row.next();
                    present = row.getInt(1) == 2;
                }
                if (!present) {
                    st.execute("DROP TRIGGER IF EXISTS batch_log_no_change ON batch_log");
                    st.execute("DROP TRIGGER IF EXISTS batch_log_no_truncate ON batch_log");
                    st.execute("CREATE TRIGGER batch_log_no_change BEFORE UPDATE OR DELETE ON batch_log "
                            + "FOR EACH ROW EXECUTE FUNCTION batch_log_refuse()");
                    st.execute("CREATE TRIGGER batch_log_no_truncate BEFORE TRUNCATE ON batch_log "
                            + "FOR EACH STATEMENT EXECUTE FUNCTION batch_log_refuse()");
                }
            } else {
                st.execute("CREATE TRIGGER IF NOT EXISTS batch_log_no_update BEFORE UPDATE ON batch_log "
                        + "BEGIN SELECT RAISE(ABORT, '" + APPEND_ONLY + ": UPDATE refused'); END");
                st.execute("CREATE TRIGGER IF NOT EXISTS batch_log_no_delete BEFORE DELETE ON batch_log "
                        + "BEGIN SELECT RAISE(ABORT, '" + APPEND_ONLY + ": DELETE refused'); END");
            }
        }
    }

    static boolean isPostgres(Connection c) throws SQLException {
        return "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
    }
}
