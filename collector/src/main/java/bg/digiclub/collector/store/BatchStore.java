package bg.digiclub.collector.store;

import bg.digiclub.common.batch.Batch;
import bg.digiclub.common.batch.BatchReceipt;
import bg.digiclub.common.batch.CheckStatus;
import bg.digiclub.common.batch.DayUsage;
import bg.digiclub.common.batch.DemographicCount;
import bg.digiclub.common.batch.HealthDay;
import bg.digiclub.common.batch.HealthSnapshot;
import bg.digiclub.common.batch.HourUsage;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Stores a batch exactly once: the idempotency record, the raw aggregates and the dashboard's
 * pre-aggregated tables are written in one transaction, so a batch is either wholly stored or
 * not at all. Rows of shared tables are updated in key order so that concurrent batches of one
 * club cannot deadlock on PostgreSQL.
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

    /**
     * Stores the batch of an authenticated device.
     *
     * @param payloadHash SHA-256 of the batch's canonical JSON, to tell a replay from a conflict
     */
    public StoreOutcome store(Batch batch, String payloadHash, DeviceIdentity device) throws SQLException {
        try {
            StoreOutcome outcome = database.write(connection -> {
                Instant now = clock.instant();
                // insert first: a new batch (the common case) costs no look-up; a repeated one
                // inserts nothing and is answered from the stored row
                if (!insertBatch(connection, batch, payloadHash, now)) {
                    return null;
                }
                if (batch.usage() != null) {
                    storeUsage(connection, batch, device);
                } else {
                    storeHealth(connection, batch);
                }
                updateDevice(connection, batch, now);
                return (StoreOutcome) new StoreOutcome.Stored(new BatchReceipt(batch.batchId(), batch.sequence(), now));
            });
            if (outcome != null) {
                return outcome;
            }
            StoreOutcome earlier = database.read(c -> earlier(c, batch.batchId(), payloadHash));
            if (earlier == null) {
                throw new SQLException("batch " + batch.batchId() + " was neither inserted nor found");
            }
            return earlier;
        } catch (ConcurrentDelivery e) {
            // the same batch arrived twice at once and the other delivery committed first
            StoreOutcome earlier = database.read(c -> earlier(c, batch.batchId(), payloadHash));
            if (earlier == null) {
                throw new SQLException("batch " + batch.batchId() + " vanished after a duplicate-key error", e);
            }
            return earlier;
        } catch (AlreadyReported e) {
            return new StoreOutcome.AlreadyReported(e.getMessage());
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

    /** Inserts the idempotency row; false if the batch id is already stored. */
    private boolean insertBatch(Connection connection, Batch batch, String payloadHash, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO batches "
                + "(batch_id, device_id, kind, sequence, period_from, period_to, payload_hash, received_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (batch_id) DO NOTHING")) {
            insert.setString(1, batch.batchId().toString());
            insert.setString(2, batch.deviceId().toString());
            insert.setString(3, batch.kind().name());
            insert.setLong(4, batch.sequence());
            insert.setLong(5, batch.periodFrom().getEpochSecond());
            insert.setLong(6, batch.periodTo().getEpochSecond());
            insert.setString(7, payloadHash);
            insert.setLong(8, now.toEpochMilli());
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            if (database.dialect().isUniqueViolation(e)) {
                throw new ConcurrentDelivery(e);
            }
            throw e;
        }
    }

    private void storeUsage(Connection connection, Batch batch, DeviceIdentity device) throws SQLException {
        String deviceId = device.deviceId().toString();
        String batchId = batch.batchId().toString();
        List<HourUsage> hours = batch.usage().hours();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO usage_hours (device_id, hour, "
                + "sessions, guest_sessions, member_sessions, session_minutes, powered_on_minutes, batch_id) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (HourUsage hour : hours) {
                insert.setString(1, deviceId);
                insert.setLong(2, hour.hour().getEpochSecond());
                insert.setInt(3, hour.sessionsStarted());
                insert.setInt(4, hour.guestSessions());
                insert.setInt(5, hour.memberSessions());
                insert.setInt(6, hour.sessionMinutes());
                insert.setInt(7, hour.poweredOnMinutes());
                insert.setString(8, batchId);
                insert.addBatch();
            }
            executeUnique(insert, "an hour of this batch was already reported by another batch of device " + deviceId);
        }
        // the club's local days and hours of day
        Map<Long, int[]> perDay = new TreeMap<>();
        Map<Long, int[]> perDayHour = new TreeMap<>();
        for (HourUsage hour : hours) {
            ZonedDateTime local = hour.hour().atZone(device.clubTimeZone());
            long day = local.toLocalDate().toEpochDay();
            int[] d = perDay.computeIfAbsent(day, k -> new int[5]);
            d[0] += hour.sessionsStarted();
            d[1] += hour.guestSessions();
            d[2] += hour.memberSessions();
            d[3] += hour.sessionMinutes();
            d[4] += hour.poweredOnMinutes();
            int[] h = perDayHour.computeIfAbsent(day * 24 + local.getHour(), k -> new int[2]);
            h[0] += hour.sessionsStarted();
            h[1] += hour.sessionMinutes();
        }
        Map<Long, Integer> memberDays = new TreeMap<>();
        for (DayUsage day : batch.usage().days()) {
            memberDays.put(day.day().toEpochDay(), day.distinctMembers());
        }
        upsertClubDays(connection, device.clubId(), perDay, memberDays);
        upsertDeviceDays(connection, device, perDay);
        upsertClubHours(connection, device.clubId(), perDayHour);
        storeDays(connection, device, batchId, batch.usage().days());
    }

    private static void upsertClubDays(Connection connection, String clubId, Map<Long, int[]> perDay,
                                       Map<Long, Integer> memberDays) throws SQLException {
        // per day and per calendar month: six sums and the member-days
        Map<Long, int[]> days = new TreeMap<>();
        Map<Long, int[]> months = new TreeMap<>();
        Map<Long, Boolean> keys = new TreeMap<>();
        perDay.keySet().forEach(d -> keys.put(d, true));
        memberDays.keySet().forEach(d -> keys.put(d, true));
        for (long day : keys.keySet()) {
            int[] d = perDay.getOrDefault(day, new int[5]);
            int[] row = new int[] {d[0], d[1], d[2], d[3], d[4], memberDays.getOrDefault(day, 0)};
            days.put(day, row);
            int[] month = months.computeIfAbsent(monthOf(day), k -> new int[6]);
            for (int i = 0; i < 6; i++) {
                month[i] += row[i];
            }
        }
        addSums(connection, "club_days", "day", clubId, days);
        addSums(connection, "club_months", "month", clubId, months);
    }

    /** The month key of an epoch day: year * 12 + month - 1. */
    public static long monthOf(long epochDay) {
        LocalDate day = LocalDate.ofEpochDay(epochDay);
        return day.getYear() * 12L + day.getMonthValue() - 1;
    }

    private static void addSums(Connection connection, String table, String key, String clubId, Map<Long, int[]> rows)
            throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO " + table + " (club_id, " + key
                + ", sessions, guest_sessions, member_sessions, session_minutes, powered_on_minutes, member_days) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (club_id, " + key + ") DO UPDATE SET "
                + "sessions = " + table + ".sessions + excluded.sessions, "
                + "guest_sessions = " + table + ".guest_sessions + excluded.guest_sessions, "
                + "member_sessions = " + table + ".member_sessions + excluded.member_sessions, "
                + "session_minutes = " + table + ".session_minutes + excluded.session_minutes, "
                + "powered_on_minutes = " + table + ".powered_on_minutes + excluded.powered_on_minutes, "
                + "member_days = " + table + ".member_days + excluded.member_days")) {
            for (Map.Entry<Long, int[]> row : rows.entrySet()) {
                upsert.setString(1, clubId);
                upsert.setLong(2, row.getKey());
                for (int i = 0; i < 6; i++) {
                    upsert.setInt(3 + i, row.getValue()[i]);
                }
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static void upsertDeviceDays(Connection connection, DeviceIdentity device, Map<Long, int[]> perDay)
            throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO device_days (device_id, day, "
                + "club_id, sessions, session_minutes, powered_on_minutes) VALUES (?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (device_id, day) DO UPDATE SET sessions = device_days.sessions + excluded.sessions, "
                + "session_minutes = device_days.session_minutes + excluded.session_minutes, "
                + "powered_on_minutes = device_days.powered_on_minutes + excluded.powered_on_minutes")) {
            for (Map.Entry<Long, int[]> day : perDay.entrySet()) {
                upsert.setString(1, device.deviceId().toString());
                upsert.setLong(2, day.getKey());
                upsert.setString(3, device.clubId());
                upsert.setInt(4, day.getValue()[0]);
                upsert.setInt(5, day.getValue()[3]);
                upsert.setInt(6, day.getValue()[4]);
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static void upsertClubHours(Connection connection, String clubId, Map<Long, int[]> perDayHour)
            throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO club_hours (club_id, day, "
                + "hour_of_day, sessions, session_minutes) VALUES (?, ?, ?, ?, ?) "
                + "ON CONFLICT (club_id, day, hour_of_day) DO UPDATE SET "
                + "sessions = club_hours.sessions + excluded.sessions, "
                + "session_minutes = club_hours.session_minutes + excluded.session_minutes")) {
            for (Map.Entry<Long, int[]> slot : perDayHour.entrySet()) {
                upsert.setString(1, clubId);
                upsert.setLong(2, slot.getKey() / 24);
                upsert.setInt(3, (int) (slot.getKey() % 24));
                upsert.setInt(4, slot.getValue()[0]);
                upsert.setInt(5, slot.getValue()[1]);
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private void storeDays(Connection connection, DeviceIdentity device, String batchId, List<DayUsage> days)
            throws SQLException {
        if (days.isEmpty()) {
            return;
        }
        String deviceId = device.deviceId().toString();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO usage_days "
                + "(device_id, day, sessions, distinct_members, batch_id) VALUES (?, ?, ?, ?, ?)")) {
            for (DayUsage day : days) {
                insert.setString(1, deviceId);
                insert.setLong(2, day.day().toEpochDay());
                insert.setInt(3, day.totalSessions());
                insert.setInt(4, day.distinctMembers());
                insert.setString(5, batchId);
                insert.addBatch();
            }
            executeUnique(insert, "a day of this batch was already reported by another batch of device " + deviceId);
        }
        Map<String, Object[]> cells = new TreeMap<>();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO usage_demographics "
                + "(device_id, day, age_band, sex, sessions) VALUES (?, ?, ?, ?, ?)")) {
            for (DayUsage day : days) {
                for (DemographicCount cell : day.sessions()) {
                    insert.setString(1, deviceId);
                    insert.setLong(2, day.day().toEpochDay());
                    insert.setString(3, cell.ageBand().name());
                    insert.setString(4, cell.sex().name());
                    insert.setInt(5, cell.sessions());
                    insert.addBatch();
                    cells.put(String.format("%08d/%s/%s", day.day().toEpochDay(), cell.ageBand(), cell.sex()),
                            new Object[] {day.day(), cell});
                }
            }
            insert.executeBatch();
        }
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO club_demographics "
                + "(club_id, day, age_band, sex, sessions) VALUES (?, ?, ?, ?, ?) "
                + "ON CONFLICT (club_id, day, age_band, sex) DO UPDATE SET "
                + "sessions = club_demographics.sessions + excluded.sessions")) {
            for (Object[] entry : cells.values()) {
                DemographicCount cell = (DemographicCount) entry[1];
                upsert.setString(1, device.clubId());
                upsert.setLong(2, ((LocalDate) entry[0]).toEpochDay());
                upsert.setString(3, cell.ageBand().name());
                upsert.setString(4, cell.sex().name());
                upsert.setInt(5, cell.sessions());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private void storeHealth(Connection connection, Batch batch) throws SQLException {
        String deviceId = batch.deviceId().toString();
        // health is a status, not a count: a repeat from another batch changes nothing
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO health_snapshots "
                + "(device_id, at, overall, checks) VALUES (?, ?, ?, ?) ON CONFLICT (device_id, at) DO NOTHING")) {
            for (HealthSnapshot snapshot : batch.health().snapshots()) {
                insert.setString(1, deviceId);
                insert.setLong(2, snapshot.at().getEpochSecond());
                insert.setString(3, snapshot.overall().name());
                insert.setString(4, checks(snapshot.checks()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        if (!batch.health().days().isEmpty()) {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO health_days (device_id, day, worst, "
                + "min_free_disk_percent, max_cpu_celsius, alert_count, uptime_minutes) VALUES (?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (device_id, day) DO NOTHING")) {
            for (HealthDay day : batch.health().days()) {
                insert.setString(1, deviceId);
                insert.setLong(2, day.day().toEpochDay());
                insert.setString(3, checks(day.worst()));
                insert.setObject(4, day.minFreeDiskPercent(), java.sql.Types.DOUBLE);
                insert.setObject(5, day.maxCpuTemperatureCelsius(), java.sql.Types.DOUBLE);
                insert.setInt(6, day.alertCount());
                insert.setInt(7, day.uptimeMinutes());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        }
        HealthSnapshot latest = batch.health().snapshots().stream()
                .max((a, b) -> a.at().compareTo(b.at())).orElse(null);
        if (latest != null) {
            try (PreparedStatement update = connection.prepareStatement("UPDATE devices SET health_at = ?, "
                    + "health_overall = ?, health_checks = ? WHERE id = ? AND (health_at IS NULL OR health_at < ?)")) {
                update.setLong(1, latest.at().getEpochSecond());
                update.setString(2, latest.overall().name());
                update.setString(3, checks(latest.checks()));
                update.setString(4, deviceId);
                update.setLong(5, latest.at().getEpochSecond());
                update.executeUpdate();
            }
        }
    }

    private static void updateDevice(Connection connection, Batch batch, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE devices SET last_seen_at = ?, "
                + "last_sequence = CASE WHEN last_sequence < ? THEN ? ELSE last_sequence END, "
                + "batches_received = batches_received + 1, evicted_usage = evicted_usage + ?, "
                + "evicted_health = evicted_health + ?, agent_version = ? WHERE id = ?")) {
            update.setLong(1, now.getEpochSecond());
            update.setLong(2, batch.sequence());
            update.setLong(3, batch.sequence());
            update.setInt(4, batch.evicted().usageBatches());
            update.setInt(5, batch.evicted().healthBatches());
            update.setString(6, batch.agentVersion());
            update.setString(7, batch.deviceId().toString());
            update.executeUpdate();
        }
    }

    private void executeUnique(PreparedStatement statement, String message) throws SQLException {
        try {
            statement.executeBatch();
        } catch (SQLException e) {
            if (database.dialect().isUniqueViolation(e)) {
                throw new AlreadyReported(message);
            }
            throw e;
        }
    }

    private String checks(List<CheckStatus> checks) {
        try {
            return json.writeValueAsString(checks);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write checks as JSON", e);
        }
    }

    /** Another delivery of the same batch committed first. */
    private static final class ConcurrentDelivery extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ConcurrentDelivery(SQLException cause) {
            super(cause);
        }
    }

    /** A device-hour or device-day is stored from another batch; the transaction rolls back. */
    private static final class AlreadyReported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AlreadyReported(String message) {
            super(message);
        }
    }
}
