package bg.digiclub.agent.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.agent.health.HealthSample;
import bg.digiclub.agent.health.HealthSample.ProcessUsage;
import bg.digiclub.support.sql.Rows;

/**
 * Health samples on disk: every sample appended in one transaction, raw readings for a week and
 * hourly summaries for longer (see {@link Retention}), the newest sample readable by another
 * process (the {@code agent status} command) through {@link Database#openReadOnly}.
 *
 * <p>Times are stored in whole seconds: a second sample within the same second as the previous
 * one replaces its readings. A value that is not finite (NaN, infinity) is not a reading and is
 * skipped with a warning, so one bad sensor does not lose the rest of the sample.
 *
 * <p>A sample that arrives for an hour already summarized (the clock was set back, or the
 * summary ran just before the last sample of the hour was written) re-opens that hour, so
 * {@link Retention} summarizes it again from the complete raw readings.
 */
public final class SampleStore {
    private static final Logger LOG = LoggerFactory.getLogger(SampleStore.class);
    private static final String NEWEST_TS = "SELECT MAX(ts) FROM sample";
    private static final String INSERT_SAMPLE = "INSERT OR REPLACE INTO sample(ts, metric_id, value) VALUES (?, ?, ?)";
    private static final String REOPEN_HOUR = "UPDATE store_state SET value = ? WHERE name = ? AND value > ?"
            + " AND ? >= COALESCE((SELECT value FROM store_state WHERE name = ?), 0)";

    private final Database db;
    private final Clock clock;
    /** Metric name to id; filled only after the transaction that created an id has committed. */
    private final Map<String, Long> ids = new ConcurrentHashMap<>();

    private final Set<String> warnedNotFinite = ConcurrentHashMap.newKeySet();
    /**
     * The top lists last written to {@code latest_process}, once committed. The sampler keeps its
     * process listing for a while (SamplingTtls), so most samples bring the same lists again and
     * the table is left as it is.
     */
    private volatile List<List<ProcessUsage>> writtenProcesses;
    /**
     * The statements every append runs, prepared once on the database's one connection (which
     * closes them when it closes); used only inside the database's lock.
     */
    private final Map<String, PreparedStatement> appendStatements = new HashMap<>();

    public SampleStore(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Writes {@code sample} in one transaction, all of it or none. Once this returns, the sample
     * survives the agent being killed (kill -9, a crash); a power cut may still lose the last
     * few seconds of commits (WAL with {@code synchronous=NORMAL}), never the file's consistency.
     */
    public void append(HealthSample sample) throws SQLException {
        Objects.requireNonNull(sample, "sample");
        long ts = sample.at().getEpochSecond();
        Map<String, Long> created = new HashMap<>();
        List<List<ProcessUsage>> processes = List.of(sample.topByCpu(), sample.topByMemory());
        boolean[] processesWritten = {false};
        db.write(c -> {
            boolean newest = single(prepared(c, NEWEST_TS)).orElse(Long.MIN_VALUE) <= ts;
            PreparedStatement insert = prepared(c, INSERT_SAMPLE);
            try {
                for (Map.Entry<String, Double> e : sample.metrics().entrySet()) {
                    double value = e.getValue();
                    if (!Double.isFinite(value)) {
                        if (warnedNotFinite.add(e.getKey())) {
                            LOG.warn(
                                    "metric {} read {}; not stored (further such readings are skipped silently)",
                                    e.getKey(),
                                    value);
                        }
                        continue;
                    }
                    insert.setLong(1, ts);
                    insert.setLong(2, idOf(c, e.getKey(), created));
                    insert.setDouble(3, value);
                    insert.addBatch();
                }
                insert.executeBatch();
            } finally {
                insert.clearBatch();
            }
            if (newest && !processes.equals(writtenProcesses)) {
                replaceProcesses(c, sample);
                processesWritten[0] = true;
            }
            reopenSummarizedHour(prepared(c, REOPEN_HOUR), ts);
            return null;
        });
        ids.putAll(created);
        if (processesWritten[0]) {
            writtenProcesses = processes;
        }
    }

    /** {@code sql} prepared once on {@code c}; again only if the connection is another or closed it. */
    private PreparedStatement prepared(Connection c, String sql) throws SQLException {
        PreparedStatement ps = appendStatements.get(sql);
        if (ps == null || ps.isClosed() || ps.getConnection() != c) {
            ps = c.prepareStatement(sql);
            appendStatements.put(sql, ps);
        }
        return ps;
    }

    /** The newest sample's ts; the primary key starts with ts, so this is one lookup. */
    private static OptionalLong newestTs(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(NEWEST_TS)) {
            return single(ps);
        }
    }

    /** The one number a query such as {@link #NEWEST_TS} answers; empty for NULL. */
    private static OptionalLong single(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return Rows.optionalLong(rs, 1);
        }
    }

    /** The oldest raw reading's ts; one lookup. */
    private static OptionalLong oldestTs(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MIN(ts) FROM sample");
                ResultSet rs = ps.executeQuery()) {
            return Rows.optionalLong(rs, 1);
        }
    }

    private long idOf(Connection c, String name, Map<String, Long> created) throws SQLException {
        Long id = ids.get(name);
        if (id == null) {
            id = created.get(name);
        }
        if (id != null) {
            return id;
        }
        try (PreparedStatement ins = c.prepareStatement("INSERT OR IGNORE INTO metric(name) VALUES (?)")) {
            ins.setString(1, name);
            ins.executeUpdate();
        }
        try (PreparedStatement sel = c.prepareStatement("SELECT id FROM metric WHERE name = ?")) {
            sel.setString(1, name);
            try (ResultSet rs = sel.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        created.put(name, id);
        return id;
    }

    private static void replaceProcesses(Connection c, HealthSample sample) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM latest_process")) {
            del.executeUpdate();
        }
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO latest_process"
                + "(list, rank, pid, name, cpu_pct, resident_bytes) VALUES (?, ?, ?, ?, ?, ?)")) {
            addProcesses(ins, "cpu", sample.topByCpu());
            addProcesses(ins, "memory", sample.topByMemory());
            ins.executeBatch();
        }
    }

    private static void addProcesses(PreparedStatement ins, String list, List<ProcessUsage> processes)
            throws SQLException {
        int rank = 0;
        for (ProcessUsage p : processes) {
            ins.setString(1, list);
            ins.setInt(2, rank++);
            ins.setInt(3, p.pid());
            ins.setString(4, p.name());
            ins.setDouble(5, Double.isFinite(p.cpuPercent()) ? p.cpuPercent() : 0);
            ins.setLong(6, p.residentBytes());
            ins.addBatch();
        }
    }

    /**
     * Moves the summary marker back to the hour of {@code ts} if that hour was already summarized
     * and its raw readings are all still there (hours before {@code raw_deleted_before} are not).
     */
    private static void reopenSummarizedHour(PreparedStatement ps, long ts) throws SQLException {
        long hour = StoreState.hourOf(ts);
        ps.setLong(1, hour);
        ps.setString(2, StoreState.HOURLY_ROLLED_UNTIL);
        ps.setLong(3, hour);
        ps.setLong(4, hour);
        ps.setString(5, StoreState.RAW_DELETED_BEFORE);
        ps.executeUpdate();
    }

    /**
     * The newest sample, with its top processes; empty if none was ever written. Its time is
     * in whole seconds.
     */
    public Optional<HealthSample> latest() throws SQLException {
        return db.read(c -> {
            OptionalLong ts = newestTs(c);
            if (ts.isEmpty()) {
                return Optional.empty();
            }
            Map<String, Double> metrics = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT m.name, s.value FROM sample s"
                    + " JOIN metric m ON m.id = s.metric_id WHERE s.ts = ? ORDER BY m.name")) {
                ps.setLong(1, ts.getAsLong());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        metrics.put(rs.getString(1), rs.getDouble(2));
                    }
                }
            }
            List<ProcessUsage> byCpu = new ArrayList<>();
            List<ProcessUsage> byMemory = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT list, pid, name, cpu_pct, resident_bytes"
                            + " FROM latest_process ORDER BY list, rank");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ProcessUsage p = new ProcessUsage(rs.getInt(2), rs.getString(3), rs.getDouble(4), rs.getLong(5));
                    ("cpu".equals(rs.getString(1)) ? byCpu : byMemory).add(p);
                }
            }
            return Optional.of(new HealthSample(Instant.ofEpochSecond(ts.getAsLong()), metrics, byCpu, byMemory));
        });
    }

    /** Every metric name ever stored, sorted. */
    public List<String> metricNames() throws SQLException {
        return db.read(c -> {
            List<String> names = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM metric ORDER BY name");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        });
    }

    /** {@link #history(String, Instant, Instant)} for the period ending now. */
    public List<HistoryPoint> history(String metric, Duration last) throws SQLException {
        Instant now = clock.instant();
        return history(metric, now.minus(last), now);
    }

    /**
     * The history of one metric from {@code from} to {@code to} (both inclusive), oldest first:
     * raw readings where they are still kept, hourly summaries before that (an hourly point is
     * included if its hour overlaps the period). Empty if the metric is unknown.
     */
    public List<HistoryPoint> history(String metric, Instant from, Instant to) throws SQLException {
        Objects.requireNonNull(metric, "metric");
        return history("SELECT id, name FROM metric WHERE name = ?", metric, from, to);
    }

    /**
     * Like {@link #history(String, Instant, Instant)} for every metric whose name starts with
     * {@code prefix} (e.g. {@code "fs./."} for the root file system), ordered by metric name then time.
     */
    public List<HistoryPoint> historyByPrefix(String prefix, Instant from, Instant to) throws SQLException {
        Objects.requireNonNull(prefix, "prefix");
        // substr rather than LIKE: metric names contain '_', a LIKE wildcard.
        return history(
                "SELECT id, name FROM metric WHERE substr(name, 1, length(?1)) = ?1 ORDER BY name", prefix, from, to);
    }

    private List<HistoryPoint> history(String metricQuery, String argument, Instant from, Instant to)
            throws SQLException {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("history period starts (" + from + ") after it ends (" + to + ")");
        }
        long fromS = from.getEpochSecond();
        long toS = to.getEpochSecond();
        return db.read(c -> {
            Map<Long, String> metrics = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(metricQuery)) {
                ps.setString(1, argument);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        metrics.put(rs.getLong(1), rs.getString(2));
                    }
                }
            }
            if (metrics.isEmpty()) {
                return List.<HistoryPoint>of();
            }
            Map<String, List<HistoryPoint>> byMetric = new TreeMap<>();
            String ids = String.join(",", Collections.nCopies(metrics.size(), "?"));
            OptionalLong oldestRaw = oldestTs(c);
            // Hours from the first raw reading's hour on are served raw (that hour's summary
            // would cover the same readings). An hourly point counts if its hour overlaps the period.
            long hourlyEnd = oldestRaw.isPresent() ? StoreState.hourOf(oldestRaw.getAsLong()) : Long.MAX_VALUE;
            try (PreparedStatement ps = c.prepareStatement("SELECT metric_id, hour, min, avg, max, count"
                    + " FROM sample_hourly WHERE hour > ? AND hour <= ? AND hour < ? AND metric_id IN (" + ids + ")"
                    + " ORDER BY hour")) {
                bind(ps, metrics.keySet(), fromS - 3600, toS, hourlyEnd);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String name = metrics.get(rs.getLong(1));
                        byMetric.computeIfAbsent(name, k -> new ArrayList<>())
                                .add(new HistoryPoint(
                                        name,
                                        Instant.ofEpochSecond(rs.getLong(2)),
                                        HistoryPoint.Resolution.HOURLY,
                                        rs.getDouble(3),
                                        rs.getDouble(4),
                                        rs.getDouble(5),
                                        rs.getLong(6)));
                    }
                }
            }
            if (oldestRaw.isPresent()) {
                try (PreparedStatement ps = c.prepareStatement("SELECT metric_id, ts, value FROM sample"
                        + " WHERE ts >= ? AND ts <= ? AND metric_id IN (" + ids + ") ORDER BY ts")) {
                    bind(ps, metrics.keySet(), Math.max(fromS, oldestRaw.getAsLong()), toS);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            String name = metrics.get(rs.getLong(1));
                            byMetric.computeIfAbsent(name, k -> new ArrayList<>())
                                    .add(HistoryPoint.raw(name, Instant.ofEpochSecond(rs.getLong(2)), rs.getDouble(3)));
                        }
                    }
                }
            }
            List<HistoryPoint> points = new ArrayList<>();
            byMetric.values().forEach(points::addAll);
            return points;
        });
    }

    /** Binds {@code values} then {@code ids}, from parameter 1. */
    private static void bind(PreparedStatement ps, Iterable<Long> ids, long... values) throws SQLException {
        int i = 1;
        for (long v : values) {
            ps.setLong(i++, v);
        }
        for (long id : ids) {
            ps.setLong(i++, id);
        }
    }
}
