package bg.digiclub.collector.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import bg.digiclub.collector.audit.BatchLog;
import bg.digiclub.common.batch.Batch;
import bg.digiclub.common.batch.BatchKind;
import bg.digiclub.common.batch.BatchReceipt;

/**
 * Stores batches exactly once. A group of deliveries (batches of several devices that arrived
 * together) is written in one transaction: the idempotency rows, the raw aggregates and the
 * dashboard's pre-aggregated tables and each batch's line in the audit trail ({@link BatchLog}), so
 * every batch of it is stored, or none is. A group costs
 * about one statement per table, whatever its size; that is what lets the collector take a
 * fleet's backlog quickly (docs/benchmarks.md).
 */
public final class BatchStore {
    private final Database database;
    private final Clock clock;
    private final ObjectMapper json;

    public BatchStore(Database database, Clock clock, ObjectMapper json) {
        this.database = database;
        this.clock = clock;
        this.json = json;
    }

    /** One device's batch, authenticated, with the hash that tells a replay from a conflict. */
    public record Delivery(Batch batch, String payloadHash, DeviceIdentity device) {}

    /**
     * Stores the batch of an authenticated device on its own.
     *
     * @param payloadHash SHA-256 of the batch's canonical JSON, to tell a replay from a conflict
     */
    public StoreOutcome store(Batch batch, String payloadHash, DeviceIdentity device) throws SQLException {
        return store(new Delivery(batch, payloadHash, device));
    }

    /** Stores one delivery on its own; every outcome, including a refusal, is an answer. */
    public StoreOutcome store(Delivery delivery) throws SQLException {
        try {
            return storeTogether(List.of(delivery)).get(0);
        } catch (AlreadyReported e) {
            return new StoreOutcome.AlreadyReported(e.getMessage());
        } catch (SequenceRefused e) {
            return new StoreOutcome.SequenceNotIncreasing(e.getMessage());
        }
    }

    /**
     * Stores a group in one transaction, all or nothing, and answers for each delivery in order.
     * A delivery of a batch stored before (or earlier in the group) is answered as a replay or a
     * conflict. Throws {@link AlreadyReported} (unchecked) when a batch repeats a device-hour or
     * device-day of another batch, and {@link SequenceRefused} when a new batch's sequence is not
     * above every sequence stored (or earlier in the group) for its device and kind: the group is
     * then not stored, and its deliveries should be stored one by one, so that only that batch is
     * refused. A replay is recognised by its batch id before any of this, so it stays a success.
     */
    public List<StoreOutcome> storeTogether(List<Delivery> group) throws SQLException {
        if (group.isEmpty()) {
            return List.of();
        }
        List<StoreOutcome> outcomes = database.write(connection -> {
            Instant now = clock.instant();
            Set<UUID> inserted = insertBatches(connection, group, now);
            requireRisingSequences(connection, group, inserted);
            BatchRows rows = new BatchRows(json, now);
            List<StoreOutcome> answers = new ArrayList<>();
            List<BatchLog.Stored> logged = new ArrayList<>();
            for (Delivery delivery : group) {
                Batch batch = delivery.batch();
                if (inserted.remove(batch.batchId())) {
                    rows.add(batch, delivery.device());
                    logged.add(new BatchLog.Stored(
                            batch.batchId().toString(),
                            batch.deviceId().toString(),
                            batch.kind().name(),
                            now.toEpochMilli()));
                    answers.add(new StoreOutcome.Stored(new BatchReceipt(batch.batchId(), batch.sequence(), now)));
                } else {
                    answers.add(null);
                }
            }
            try {
                rows.write(connection);
            } catch (SQLException e) {
                if (database.dialect().isUniqueViolation(e)) {
                    throw new AlreadyReported(
                            group.size() == 1
                                    ? "an hour or a day of this batch was already reported by another batch of device "
                                            + group.get(0).device().deviceId()
                                    : "a batch of this group repeats an hour or a day reported before");
                }
                throw e;
            }
            // the audit trail's line of each batch, in this transaction: stored with its line or not at all
            BatchLog.append(connection, logged);
            return answers;
        });
        if (outcomes.contains(null)) {
            // stored before this group, or twice in it: the stored answer, or a conflict
            database.read(connection -> {
                for (int i = 0; i < group.size(); i++) {
                    if (outcomes.get(i) == null) {
                        Delivery delivery = group.get(i);
                        StoreOutcome earlier =
                                earlier(connection, delivery.batch().batchId(), delivery.payloadHash());
                        if (earlier == null) {
                            throw new SQLException(
                                    "batch " + delivery.batch().batchId() + " was neither inserted nor found");
                        }
                        outcomes.set(i, earlier);
                    }
                }
                return null;
            });
        }
        return outcomes;
    }

    /**
     * Inserts the idempotency rows of the group in one statement; the ids it inserted. A batch
     * already stored (even by a concurrent transaction, which this one then waits for) inserts
     * nothing, and neither does its second delivery in the same group.
     */
    private static Set<UUID> insertBatches(Connection connection, List<Delivery> group, Instant now)
            throws SQLException {
        Set<UUID> distinct = new HashSet<>();
        List<Delivery> firsts = new ArrayList<>();
        for (Delivery delivery : group) {
            if (distinct.add(delivery.batch().batchId())) {
                firsts.add(delivery);
            }
        }
        StringBuilder sql = new StringBuilder("INSERT INTO batches (batch_id, device_id, kind, sequence, period_from, "
                + "period_to, payload_hash, received_at) VALUES ");
        for (int i = 0; i < firsts.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?)");
        }
        sql.append(" ON CONFLICT (batch_id) DO NOTHING RETURNING batch_id");
        Set<UUID> inserted = new HashSet<>();
        try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
            int p = 1;
            for (Delivery delivery : firsts) {
                Batch batch = delivery.batch();
                insert.setString(p++, batch.batchId().toString());
                insert.setString(p++, batch.deviceId().toString());
                insert.setString(p++, batch.kind().name());
                insert.setLong(p++, batch.sequence());
                insert.setLong(p++, batch.periodFrom().getEpochSecond());
                insert.setLong(p++, batch.periodTo().getEpochSecond());
                insert.setString(p++, delivery.payloadHash());
                insert.setLong(p++, now.toEpochMilli());
            }
            try (ResultSet ids = insert.executeQuery()) {
                while (ids.next()) {
                    inserted.add(UUID.fromString(ids.getString(1)));
                }
            }
        }
        return inserted;
    }

    /**
     * Refuses the group if a new batch's sequence is not above the highest stored for its device
     * and kind, or the highest of a batch before it in the group (arrival order). The devices' rows
     * are read locked on PostgreSQL, so two transactions of one device check one after the other.
     */
    private void requireRisingSequences(Connection connection, List<Delivery> group, Set<UUID> inserted)
            throws SQLException {
        Set<String> deviceIds = new TreeSet<>();
        for (Delivery delivery : group) {
            if (inserted.contains(delivery.batch().batchId())) {
                deviceIds.add(delivery.device().deviceId().toString());
            }
        }
        if (deviceIds.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder(
                "SELECT id, last_usage_sequence, last_health_sequence FROM devices " + "WHERE id IN (");
        for (int i = 0; i < deviceIds.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        // ids in order, so that two transactions lock devices in the same order
        sql.append(") ORDER BY id").append(database.dialect() == Dialect.POSTGRESQL ? " FOR UPDATE" : "");
        Map<String, long[]> last = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            int p = 1;
            for (String id : deviceIds) {
                select.setString(p++, id);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    last.put(rows.getString(1), new long[] {rows.getLong(2), rows.getLong(3)});
                }
            }
        }
        Set<UUID> seen = new HashSet<>();
        for (Delivery delivery : group) {
            Batch batch = delivery.batch();
            if (!inserted.contains(batch.batchId()) || !seen.add(batch.batchId())) {
                continue;
            }
            long[] highest = last.computeIfAbsent(batch.deviceId().toString(), k -> new long[2]);
            int kind = batch.kind() == BatchKind.USAGE ? 0 : 1;
            if (batch.sequence() <= highest[kind]) {
                throw new SequenceRefused("sequence " + batch.sequence() + " of this " + batch.kind() + " batch is "
                        + (batch.sequence() == highest[kind] ? "the same as" : "below") + " " + highest[kind]
                        + ", the highest " + batch.kind() + " sequence already stored for device " + batch.deviceId()
                        + ": a batch is sealed once, with a higher sequence than every batch before it");
            }
            highest[kind] = batch.sequence();
        }
    }

    private static StoreOutcome earlier(Connection connection, UUID batchId, String payloadHash) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT sequence, payload_hash, received_at FROM batches WHERE batch_id = ?")) {
            select.setString(1, batchId.toString());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                if (!row.getString(2).equals(payloadHash)) {
                    return new StoreOutcome.Conflict("batch " + batchId
                            + " is already stored with different content; a sealed batch must not change");
                }
                return new StoreOutcome.Replayed(
                        new BatchReceipt(batchId, row.getLong(1), Instant.ofEpochMilli(row.getLong(3))));
            }
        }
    }

    /** A new batch's sequence is not above its device's for its kind; the transaction rolled back. */
    public static final class SequenceRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SequenceRefused(String message) {
            super(message);
        }
    }

    /** A device-hour or device-day of a batch is stored from another batch; the transaction rolled back. */
    public static final class AlreadyReported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AlreadyReported(String message) {
            super(message);
        }
    }
}
