package bg.digiclub.agent.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import bg.digiclub.agent.health.StatusChange;
import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.support.sql.Rows;

/**
 * Alert events: for each check, the periods it spent in WARN, CRIT or UNKNOWN, with start and end.
 *
 * <p>{@link #record(StatusChange)} keeps at most one open event per check:
 * <ul>
 *   <li>a change to OK ends the open event and opens nothing — time spent OK is the absence
 *       of events, so "what went wrong this month" is simply the list of events;</li>
 *   <li>a change to the status the open event already has (as after an agent restart, when a
 *       check reports its status afresh) keeps that event open: it is one continuous problem;</li>
 *   <li>any other change ends the open event at the change's time and opens a new one.</li>
 * </ul>
 * Events are kept 400 days after they end (see {@link Retention}); open events are never deleted.
 */
public final class AlertStore {
    private static final String COLUMNS = "id, check_name, status, started_at, ended_at, detail";

    private final Database db;
    private final Clock clock;

    public AlertStore(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Records {@code change} in one transaction (see the class comment).
     *
     * @return the event open for the check afterwards, empty if the check is now OK
     */
    public Optional<AlertEvent> record(StatusChange change) throws SQLException {
        Objects.requireNonNull(change, "change");
        long at = change.at().toEpochMilli();
        return db.write(c -> {
            Optional<AlertEvent> open = openEvent(c, change.check());
            if (open.isPresent() && open.get().status() == change.to()) {
                return open;
            }
            if (open.isPresent()) {
                try (PreparedStatement ps =
                        c.prepareStatement("UPDATE alert_event SET ended_at = max(?, started_at)" + " WHERE id = ?")) {
                    ps.setLong(1, at);
                    ps.setLong(2, open.get().id());
                    ps.executeUpdate();
                }
            }
            if (change.to() == HealthStatus.OK) {
                return Optional.<AlertEvent>empty();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO alert_event" + "(check_name, status, started_at, detail) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, change.check());
                ps.setString(2, change.to().name());
                ps.setLong(3, at);
                ps.setString(4, change.detail());
                ps.executeUpdate();
            }
            return openEvent(c, change.check());
        });
    }

    private static Optional<AlertEvent> openEvent(Connection c, String check) throws SQLException {
        List<AlertEvent> found = query(
                c, "SELECT " + COLUMNS + " FROM alert_event" + " WHERE check_name = ? AND ended_at IS NULL", check);
        return found.stream().findFirst();
    }

    /** The open event of {@code check}, if there is one. */
    public Optional<AlertEvent> openFor(String check) throws SQLException {
        return db.read(c -> openEvent(c, check));
    }

    /** The open events, newest first. */
    public List<AlertEvent> open() throws SQLException {
        return db.read(c -> query(
                c,
                "SELECT " + COLUMNS + " FROM alert_event WHERE ended_at IS NULL"
                        + " ORDER BY started_at DESC, id DESC"));
    }

    /** The {@code limit} most recently started events, open or ended, newest first. */
    public List<AlertEvent> recent(int limit) throws SQLException {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, was " + limit);
        }
        return db.read(c -> query(
                c, "SELECT " + COLUMNS + " FROM alert_event" + " ORDER BY started_at DESC, id DESC LIMIT " + limit));
    }

    /** Every event that was open at some time during the last {@code period}, newest first. */
    public List<AlertEvent> during(Duration period) throws SQLException {
        long since = clock.instant().minus(period).toEpochMilli();
        return db.read(c -> query(
                c,
                "SELECT " + COLUMNS + " FROM alert_event"
                        + " WHERE ended_at IS NULL OR ended_at >= ? ORDER BY started_at DESC, id DESC",
                since));
    }

    private static List<AlertEvent> query(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<AlertEvent> events = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Instant endedAt = Rows.epochMilliOrNull(rs, 5);
                    events.add(new AlertEvent(
                            rs.getLong(1),
                            rs.getString(2),
                            HealthStatus.valueOf(rs.getString(3)),
                            Instant.ofEpochMilli(rs.getLong(4)),
                            endedAt,
                            rs.getString(6)));
                }
            }
            return events;
        }
    }
}
