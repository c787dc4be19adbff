package bg.digiclub.collector.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import bg.digiclub.collector.calendar.MonthKey;
import bg.digiclub.common.batch.Batch;
import bg.digiclub.common.batch.CheckStatus;
import bg.digiclub.common.batch.DayUsage;
import bg.digiclub.common.batch.DemographicCount;
import bg.digiclub.common.batch.HealthDay;
import bg.digiclub.common.batch.HealthSnapshot;
import bg.digiclub.common.batch.HourUsage;
import bg.digiclub.common.batch.TileCategoryCount;

/**
 * The rows that new batches add, gathered over a whole group before anything is written, so
 * that each table costs one statement per group rather than one per batch. Sums into shared
 * rows (a club's day, month and hour of day, a device's day, a device's counters) are merged
 * per row first, because one statement must not update a row twice, and written in key order,
 * so that two transactions touching the same rows cannot deadlock on PostgreSQL.
 */
final class BatchRows {
    private final ObjectMapper json;
    private final Instant now;

    private final List<Object[]> usageHours = new ArrayList<>();
    private final List<Object[]> usageDays = new ArrayList<>();
    private final List<Object[]> demographics = new ArrayList<>();
    private final List<Object[]> tileCategories = new ArrayList<>();
    private final Map<String, Object[]> healthSnapshots = new TreeMap<>();
    private final Map<String, Object[]> healthDays = new TreeMap<>();

    /** Six sums per row: sessions, guest, member, session minutes, powered-on minutes, member-days. */
    private final Map<ClubKey, int[]> clubDays = new TreeMap<>();

    private final Map<ClubKey, int[]> clubMonths = new TreeMap<>();
    /** Sessions and session minutes per club, local day and hour of day (day * 24 + hour). */
    private final Map<ClubKey, int[]> clubHours = new TreeMap<>();
    /** Sessions, session minutes, powered-on minutes per device and day; the club id beside. */
    private final Map<String, DeviceDay> deviceDays = new TreeMap<>();

    private final Map<ClubCell, Integer> clubDemographics = new TreeMap<>();
    /** Sessions that used a tile of a category, per club, day and category. */
    private final Map<ClubTileCategory, Integer> clubTileCategories = new TreeMap<>();

    private final Map<String, DeviceCounters> devices = new TreeMap<>();
    private final Map<String, HealthSnapshot> latestHealth = new TreeMap<>();

    BatchRows(ObjectMapper json, Instant now) {
        this.json = json;
        this.now = now;
    }

    /** Adds a batch that is new to the store. */
    void add(Batch batch, DeviceIdentity device) {
        String deviceId = device.deviceId().toString();
        devices.computeIfAbsent(deviceId, k -> new DeviceCounters()).add(batch);
        if (batch.usage() != null) {
            addUsage(batch, device, deviceId);
        } else {
            addHealth(batch, deviceId, batch.batchId().toString());
        }
    }

    private void addUsage(Batch batch, DeviceIdentity device, String deviceId) {
        String batchId = batch.batchId().toString();
        String clubId = device.clubId();
        for (HourUsage hour : batch.usage().hours()) {
            usageHours.add(new Object[] {
                deviceId,
                hour.hour().getEpochSecond(),
                hour.sessionsStarted(),
                hour.guestSessions(),
                hour.memberSessions(),
                hour.sessionMinutes(),
                hour.poweredOnMinutes(),
                batchId
            });
            // the club's local day and hour of day
            ZonedDateTime local = hour.hour().atZone(device.clubTimeZone());
            long day = local.toLocalDate().toEpochDay();
            int[] sums = {
                hour.sessionsStarted(),
                hour.guestSessions(),
                hour.memberSessions(),
                hour.sessionMinutes(),
                hour.poweredOnMinutes(),
                0
            };
            addSums(clubDays, new ClubKey(clubId, day), sums);
            addSums(clubMonths, new ClubKey(clubId, MonthKey.ofEpochDay(day)), sums);
            addSums(clubHours, new ClubKey(clubId, day * 24 + local.getHour()), new int[] {
                hour.sessionsStarted(), hour.sessionMinutes()
            });
            deviceDays
                    .computeIfAbsent(deviceId + "/" + day, k -> new DeviceDay(deviceId, day, clubId))
                    .add(hour.sessionsStarted(), hour.sessionMinutes(), hour.poweredOnMinutes());
        }
        for (DayUsage day : batch.usage().days()) {
            long epochDay = day.day().toEpochDay();
            usageDays.add(new Object[] {deviceId, epochDay, day.totalSessions(), day.distinctMembers(), batchId});
            int[] members = {0, 0, 0, 0, 0, day.distinctMembers()};
            addSums(clubDays, new ClubKey(clubId, epochDay), members);
            addSums(clubMonths, new ClubKey(clubId, MonthKey.ofEpochDay(epochDay)), members);
            for (DemographicCount cell : day.sessions()) {
                demographics.add(new Object[] {
                    deviceId, epochDay, cell.ageBand().name(), cell.sex().name(), cell.sessions(), batchId
                });
                clubDemographics.merge(
                        new ClubCell(
                                clubId,
                                epochDay,
                                cell.ageBand().name(),
                                cell.sex().name()),
                        cell.sessions(),
                        Integer::sum);
            }
            for (TileCategoryCount count : day.tileCategories()) {
                tileCategories.add(
                        new Object[] {deviceId, epochDay, count.category().name(), count.sessions(), batchId});
                clubTileCategories.merge(
                        new ClubTileCategory(clubId, epochDay, count.category().name()),
                        count.sessions(),
                        Integer::sum);
            }
        }
    }

    private void addHealth(Batch batch, String deviceId, String batchId) {
        // health is a status, not a count: a repeat from another batch changes nothing
        for (HealthSnapshot snapshot : batch.health().snapshots()) {
            healthSnapshots.putIfAbsent(deviceId + "/" + snapshot.at().getEpochSecond(), new Object[] {
                deviceId, snapshot.at().getEpochSecond(), snapshot.overall().name(), checks(snapshot.checks()), batchId
            });
            latestHealth.merge(deviceId, snapshot, (a, b) -> b.at().isAfter(a.at()) ? b : a);
        }
        for (HealthDay day : batch.health().days()) {
            healthDays.putIfAbsent(deviceId + "/" + day.day().toEpochDay(), new Object[] {
                deviceId,
                day.day().toEpochDay(),
                checks(day.worst()),
                day.minFreeDiskPercent(),
                day.maxCpuTemperatureCelsius(),
                day.alertCount(),
                day.uptimeMinutes(),
                batchId
            });
        }
    }

    private static void addSums(Map<ClubKey, int[]> rows, ClubKey key, int[] sums) {
        int[] row = rows.computeIfAbsent(key, k -> new int[sums.length]);
        for (int i = 0; i < sums.length; i++) {
            row[i] += sums[i];
        }
    }

    /**
     * Writes every row. A device-hour or device-day that another batch reported already fails
     * with the database's unique-constraint violation, and the caller rolls back.
     */
    void write(Connection connection) throws SQLException {
        insert(
                connection,
                "INSERT INTO usage_hours (device_id, hour, sessions, guest_sessions, member_sessions, "
                        + "session_minutes, powered_on_minutes, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                usageHours);
        insert(
                connection,
                "INSERT INTO usage_days (device_id, day, sessions, distinct_members, batch_id) "
                        + "VALUES (?, ?, ?, ?, ?)",
                usageDays);
        insert(
                connection,
                "INSERT INTO usage_demographics (device_id, day, age_band, sex, sessions, batch_id) "
                        + "VALUES (?, ?, ?, ?, ?, ?)",
                demographics);
        addClubSums(connection, "club_days", "day", clubDays);
        addClubSums(connection, "club_months", "month", clubMonths);
        addClubHours(connection);
        addDeviceDays(connection);
        addClubDemographics(connection);
        insert(
                connection,
                "INSERT INTO usage_tile_categories (device_id, day, category, sessions, batch_id) VALUES (?, ?, ?, ?, ?)",
                tileCategories);
        addClubTileCategories(connection);
        insert(
                connection,
                "INSERT INTO health_snapshots (device_id, at, overall, checks, batch_id) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT (device_id, at) DO NOTHING",
                healthSnapshots.values());
        insert(
                connection,
                "INSERT INTO health_days (device_id, day, worst, min_free_disk_percent, max_cpu_celsius, "
                        + "alert_count, uptime_minutes, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (device_id, day) DO NOTHING",
                healthDays.values());
        updateLatestHealth(connection);
        updateDevices(connection);
    }

    private static void insert(Connection connection, String sql, Iterable<Object[]> rows) throws SQLException {
        if (!rows.iterator().hasNext()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    // null only for health_days' optional measures, which are numbers
                    if (row[i] instanceof Double || row[i] == null) {
                        insert.setObject(i + 1, row[i], java.sql.Types.DOUBLE);
                    } else {
                        insert.setObject(i + 1, row[i]);
                    }
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void addClubSums(Connection connection, String table, String key, Map<ClubKey, int[]> rows)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO " + table + " (club_id, " + key
                + ", sessions, guest_sessions, member_sessions, session_minutes, powered_on_minutes, member_days) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (club_id, " + key + ") DO UPDATE SET "
                + "sessions = " + table + ".sessions + excluded.sessions, "
                + "guest_sessions = " + table + ".guest_sessions + excluded.guest_sessions, "
                + "member_sessions = " + table + ".member_sessions + excluded.member_sessions, "
                + "session_minutes = " + table + ".session_minutes + excluded.session_minutes, "
                + "powered_on_minutes = " + table + ".powered_on_minutes + excluded.powered_on_minutes, "
                + "member_days = " + table + ".member_days + excluded.member_days")) {
            for (Map.Entry<ClubKey, int[]> row : rows.entrySet()) {
                upsert.setString(1, row.getKey().clubId());
                upsert.setLong(2, row.getKey().key());
                for (int i = 0; i < 6; i++) {
                    upsert.setInt(3 + i, row.getValue()[i]);
                }
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private void addClubHours(Connection connection) throws SQLException {
        if (clubHours.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO club_hours (club_id, day, "
                + "hour_of_day, sessions, session_minutes) VALUES (?, ?, ?, ?, ?) "
                + "ON CONFLICT (club_id, day, hour_of_day) DO UPDATE SET "
                + "sessions = club_hours.sessions + excluded.sessions, "
                + "session_minutes = club_hours.session_minutes + excluded.session_minutes")) {
            for (Map.Entry<ClubKey, int[]> slot : clubHours.entrySet()) {
                upsert.setString(1, slot.getKey().clubId());
                upsert.setLong(2, slot.getKey().key() / 24);
                upsert.setInt(3, (int) (slot.getKey().key() % 24));
                upsert.setInt(4, slot.getValue()[0]);
                upsert.setInt(5, slot.getValue()[1]);
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private void addDeviceDays(Connection connection) throws SQLException {
        if (deviceDays.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO device_days (device_id, day, "
                + "club_id, sessions, session_minutes, powered_on_minutes) VALUES (?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (device_id, day) DO UPDATE SET sessions = device_days.sessions + excluded.sessions, "
                + "session_minutes = device_days.session_minutes + excluded.session_minutes, "
                + "powered_on_minutes = device_days.powered_on_minutes + excluded.powered_on_minutes")) {
            for (DeviceDay day : deviceDays.values()) {
                upsert.setString(1, day.deviceId);
                upsert.setLong(2, day.day);
                upsert.setString(3, day.clubId);
                upsert.setInt(4, day.sessions);
                upsert.setInt(5, day.sessionMinutes);
                upsert.setInt(6, day.poweredOnMinutes);
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private void addClubDemographics(Connection connection) throws SQLException {
        insert(
                connection,
                "INSERT INTO club_demographics (club_id, day, age_band, sex, sessions) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT (club_id, day, age_band, sex) DO UPDATE SET "
                        + "sessions = club_demographics.sessions + excluded.sessions",
                clubDemographics.entrySet().stream()
                        .map(cell -> new Object[] {
                            cell.getKey().clubId(),
                            cell.getKey().day(),
                            cell.getKey().ageBand(),
                            cell.getKey().sex(),
                            cell.getValue()
                        })
                        .toList());
    }

    private void addClubTileCategories(Connection connection) throws SQLException {
        insert(
                connection,
                "INSERT INTO club_tile_categories (club_id, day, category, sessions) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (club_id, day, category) DO UPDATE SET "
                        + "sessions = club_tile_categories.sessions + excluded.sessions",
                clubTileCategories.entrySet().stream()
                        .map(count -> new Object[] {
                            count.getKey().clubId(),
                            count.getKey().day(),
                            count.getKey().category(),
                            count.getValue()
                        })
                        .toList());
    }

    private void updateLatestHealth(Connection connection) throws SQLException {
        if (latestHealth.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE devices SET health_at = ?, "
                + "health_overall = ?, health_checks = ? WHERE id = ? AND (health_at IS NULL OR health_at < ?)")) {
            for (Map.Entry<String, HealthSnapshot> latest : latestHealth.entrySet()) {
                long at = latest.getValue().at().getEpochSecond();
                update.setLong(1, at);
                update.setString(2, latest.getValue().overall().name());
                update.setString(3, checks(latest.getValue().checks()));
                update.setString(4, latest.getKey());
                update.setLong(5, at);
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private void updateDevices(Connection connection) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE devices SET last_seen_at = ?, "
                + "last_sequence = CASE WHEN last_sequence < ? THEN ? ELSE last_sequence END, "
                + "last_usage_sequence = CASE WHEN last_usage_sequence < ? THEN ? ELSE last_usage_sequence END, "
                + "last_health_sequence = CASE WHEN last_health_sequence < ? THEN ? ELSE last_health_sequence END, "
                + "batches_received = batches_received + ?, evicted_usage = evicted_usage + ?, "
                + "evicted_health = evicted_health + ?, agent_version = ? WHERE id = ?")) {
            for (Map.Entry<String, DeviceCounters> device : devices.entrySet()) {
                DeviceCounters counters = device.getValue();
                update.setLong(1, now.getEpochSecond());
                update.setLong(2, counters.lastSequence);
                update.setLong(3, counters.lastSequence);
                update.setLong(4, counters.lastUsageSequence);
                update.setLong(5, counters.lastUsageSequence);
                update.setLong(6, counters.lastHealthSequence);
                update.setLong(7, counters.lastHealthSequence);
                update.setInt(8, counters.batches);
                update.setInt(9, counters.evictedUsage);
                update.setInt(10, counters.evictedHealth);
                update.setString(11, counters.agentVersion);
                update.setString(12, device.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private String checks(List<CheckStatus> checks) {
        try {
            return json.writeValueAsString(checks);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write checks as JSON", e);
        }
    }

    /** A club's row keyed by a number: a day, a month, or day * 24 + hour of day. */
    private record ClubKey(String clubId, long key) implements Comparable<ClubKey> {
        @Override
        public int compareTo(ClubKey other) {
            int byClub = clubId.compareTo(other.clubId);
            return byClub != 0 ? byClub : Long.compare(key, other.key);
        }
    }

    /** A club's demographic cell of a day. */
    private record ClubCell(String clubId, long day, String ageBand, String sex) implements Comparable<ClubCell> {
        @Override
        public int compareTo(ClubCell other) {
            int c = clubId.compareTo(other.clubId);
            c = c != 0 ? c : Long.compare(day, other.day);
            c = c != 0 ? c : ageBand.compareTo(other.ageBand);
            return c != 0 ? c : sex.compareTo(other.sex);
        }
    }

    /** A club's count of sessions that used a tile category on a day. */
    private record ClubTileCategory(String clubId, long day, String category) implements Comparable<ClubTileCategory> {
        @Override
        public int compareTo(ClubTileCategory other) {
            int c = clubId.compareTo(other.clubId);
            c = c != 0 ? c : Long.compare(day, other.day);
            return c != 0 ? c : category.compareTo(other.category);
        }
    }

    private static final class DeviceDay {
        final String deviceId;
        final long day;
        final String clubId;
        int sessions;
        int sessionMinutes;
        int poweredOnMinutes;

        DeviceDay(String deviceId, long day, String clubId) {
            this.deviceId = deviceId;
            this.day = day;
            this.clubId = clubId;
        }

        void add(int sessions, int sessionMinutes, int poweredOnMinutes) {
            this.sessions += sessions;
            this.sessionMinutes += sessionMinutes;
            this.poweredOnMinutes += poweredOnMinutes;
        }
    }

    /** What a device's row counts: batches, the highest sequence (and per kind) and its agent version, evictions. */
    private static final class DeviceCounters {
        int batches;
        long lastSequence = Long.MIN_VALUE;
        long lastUsageSequence;
        long lastHealthSequence;
        String agentVersion;
        int evictedUsage;
        int evictedHealth;

        void add(Batch batch) {
            batches++;
            if (batch.sequence() > lastSequence) {
                lastSequence = batch.sequence();
                agentVersion = batch.agentVersion();
            }
            if (batch.usage() != null) {
                lastUsageSequence = Math.max(lastUsageSequence, batch.sequence());
            } else {
                lastHealthSequence = Math.max(lastHealthSequence, batch.sequence());
            }
            evictedUsage += batch.evicted().usageBatches();
            evictedHealth += batch.evicted().healthBatches();
        }
    }
}
