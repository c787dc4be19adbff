package bg.digiclub.collector.metrics;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import bg.digiclub.collector.report.HealthLight;
import bg.digiclub.collector.report.Reports;
import bg.digiclub.collector.store.Database;
import bg.digiclub.common.health.HealthStatus;

/**
 * Clubs by health light and PCs by their latest health status, from the database, kept for
 * {@link #KEPT} so that a scrape every few seconds (or several Prometheus servers) costs one read
 * of the devices table every 15 s. A club's light is the dashboard's ({@link Reports#lights}): the
 * worst latest status of its enrolled PCs, {@code NONE} when none has reported (or it has no PC);
 * revoked PCs do not count.
 */
public final class FleetHealth {
    /** How long one read of the devices table answers scrapes. */
    public static final Duration KEPT = Duration.ofSeconds(15);

    /** The label of a PC that has not reported its health yet. */
    public static final String NO_REPORT = "none";

    /**
     * The counts at one read.
     *
     * @param clubs every club by its light, every light present (0 when no club has it)
     * @param pcs   enrolled PCs by latest status name, {@value #NO_REPORT} for none yet; every status present
     */
    public record Counts(Map<HealthLight, Integer> clubs, Map<String, Integer> pcs) {
        public Counts {
            clubs = Collections.unmodifiableMap(new EnumMap<>(clubs));
            pcs = Collections.unmodifiableMap(new LinkedHashMap<>(pcs));
        }
    }

    private final Database database;
    private final Clock clock;
    private Counts kept;
    private Instant readAt;

    public FleetHealth(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The counts, read again when the last read is {@link #KEPT} old. */
    public synchronized Counts counts() throws SQLException {
        Instant now = clock.instant();
        if (kept == null || !now.isBefore(readAt.plus(KEPT))) {
            kept = database.read(c -> {
                Map<HealthLight, Integer> clubs = new EnumMap<>(HealthLight.class);
                for (HealthLight light : HealthLight.values()) {
                    clubs.put(light, 0);
                }
                Map<String, HealthLight> lights = Reports.lights(c);
                try (PreparedStatement select = c.prepareStatement("SELECT id FROM clubs");
                        ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        clubs.merge(lights.getOrDefault(rows.getString(1), HealthLight.NONE), 1, Integer::sum);
                    }
                }
                Map<String, Integer> pcs = new LinkedHashMap<>();
                for (HealthStatus status : HealthStatus.values()) {
                    pcs.put(status.name(), 0);
                }
                pcs.put(NO_REPORT, 0);
                try (PreparedStatement select =
                                c.prepareStatement("SELECT health_overall FROM devices WHERE revoked = 0");
                        ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String status = rows.getString(1);
                        pcs.merge(
                                status == null
                                        ? NO_REPORT
                                        : HealthStatus.valueOf(status).name(),
                                1,
                                Integer::sum);
                    }
                }
                return new Counts(clubs, pcs);
            });
            readAt = now;
        }
        return kept;
    }
}
