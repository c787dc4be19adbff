package bg.digiclub.agent.usage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.agent.store.Database;
import bg.digiclub.agent.upload.BatchRejected;
import bg.digiclub.agent.upload.BatchSource;
import bg.digiclub.agent.upload.BatchWriter;
import bg.digiclub.agent.upload.DeviceCredentials;
import bg.digiclub.agent.upload.EnrolmentStore;
import bg.digiclub.agent.upload.Outbox;
import bg.digiclub.common.batch.BatchKind;
import bg.digiclub.common.batch.BatchLimits;
import bg.digiclub.common.health.CheckReport;
import bg.digiclub.common.health.HealthReport;
import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.support.sql.Rows;

/**
 * Seals complete periods into the outbox, each exactly once: a usage batch per ended local day
 * (after a short grace for the last heartbeat, and only once every session that started that day
 * has ended, because a session counts on the day it started, with every tile category it opens
 * until its end, even after midnight), and a health batch per health slot (the current
 * status at the slot's start, plus the summaries of ended days not yet sent). What was sealed is
 * recorded in {@code sealed_period} in the same transaction as the outbox row, so a crash
 * between the two cannot seal a period twice or lose it.
 *
 * <p>Nothing is sealed before the PC is enrolled (a batch carries the device and club id); after
 * enrolment, usage days are caught up from the earliest session in the ledger or the enrolment
 * day, at most {@link #CATCH_UP_DAYS} back.
 */
public final class PeriodSealer implements BatchSource {
    /** How far back unsealed days are caught up (the protocol's 45-day period bound). */
    public static final int CATCH_UP_DAYS = (int) BatchLimits.MAX_PERIOD.toDays();
    /** A day is complete this long after its end: the last heartbeat of a session running over midnight has come. */
    public static final Duration GRACE = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(PeriodSealer.class);
    private static final String USAGE_DAY = "USAGE_DAY";
    private static final String HEALTH_DAY = "HEALTH_DAY";
    private static final String HEALTH_SLOT = "HEALTH_SLOT";

    private final Database db;
    private final Outbox outbox;
    private final EnrolmentStore enrolment;
    private final UsageSource usage;
    private final HealthSource health;
    private final Duration sampleInterval;
    private final Duration healthInterval;
    private final String agentVersion;
    private final Clock clock;

    /**
     * @param sampleInterval the health sampling interval (a sample vouches for that long of running)
     * @param healthInterval the health slot length (15 minutes)
     */
    public PeriodSealer(
            Database db,
            Outbox outbox,
            EnrolmentStore enrolment,
            UsageSource usage,
            HealthSource health,
            Duration sampleInterval,
            Duration healthInterval,
            String agentVersion,
            Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.enrolment = Objects.requireNonNull(enrolment, "enrolment");
        this.usage = Objects.requireNonNull(usage, "usage");
        this.health = Objects.requireNonNull(health, "health");
        this.sampleInterval = Objects.requireNonNull(sampleInterval, "sampleInterval");
        this.healthInterval = Objects.requireNonNull(healthInterval, "healthInterval");
        this.agentVersion = Objects.requireNonNull(agentVersion, "agentVersion");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * {@inheritDoc}
     *
     * @throws BatchRejected when the upload contract refuses a batch: nothing of it is sealed and
     *                       its period stays unsealed, so its data is sealed again at the next call
     *                       (a usage day, and the days after it, wait; the health slot is tried again while it
     *                       lasts, and the health days ride with the next batch that is sealed)
     */
    @Override
    public int sealDue() throws SQLException {
        Optional<DeviceCredentials> creds = enrolment.credentials();
        if (creds.isEmpty()) {
            return 0;
        }
        forgetSealsAhead();
        int sealed = 0;
        BatchRejected usageRejected = null;
        try {
            sealed += sealUsageDays(creds.get());
        } catch (BatchRejected e) {
            // the day waits in the ledger; health goes on (and carries the check the refusal raises)
            usageRejected = e;
        }
        try {
            sealed += sealHealthSlot(creds.get());
        } catch (BatchRejected e) {
            if (usageRejected != null) {
                e.addSuppressed(usageRejected);
            }
            throw e;
        }
        if (usageRejected != null) {
            throw usageRejected;
        }
        return sealed;
    }

    /**
     * Periods sealed while the PC's clock ran ahead (a flat CMOS battery, a wrong BIOS date) lie
     * in the future once the clock is right. Left alone they would stand for days that have not
     * happened yet, and the real days would never be sealed ("nothing is lost"). So their
     * batches still in the outbox — the collector refuses batches from the future
     * ({@code period-in-future}), so they are there, quarantined or waiting — are dropped, and
     * every period those batches covered is forgotten, to be sealed again when it really ends.
     *
     * @return how many sealed periods were forgotten
     */
    int forgetSealsAhead() throws SQLException {
        Instant now = clock.instant();
        long today = LocalDate.ofInstant(now, clock.getZone()).toEpochDay();
        return db.write(c -> {
            List<String> batchIds = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT batch_id FROM sealed_period"
                    + " WHERE (kind IN (?, ?) AND period_start >= ?) OR (kind = ? AND period_start > ?)")) {
                ps.setString(1, USAGE_DAY);
                ps.setString(2, HEALTH_DAY);
                ps.setLong(3, today);
                ps.setString(4, HEALTH_SLOT);
                ps.setLong(5, now.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        batchIds.add(rs.getString(1));
                    }
                }
            }
            int forgotten = 0;
            for (String batchId : batchIds) {
                outbox.discard(c, batchId);
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM sealed_period WHERE batch_id = ?")) {
                    ps.setString(1, batchId);
                    forgotten += ps.executeUpdate();
                }
            }
            if (forgotten > 0) {
                LOG.warn(
                        "the PC's clock ran ahead earlier: {} period(s) sealed in the future are forgotten"
                                + " and will be sealed again when they end",
                        forgotten);
            }
            return forgotten;
        });
    }

    /** Seals every ended, unsealed local day; returns how many. */
    int sealUsageDays(DeviceCredentials creds) throws SQLException {
        ZoneId zone = clock.getZone();
        Instant now = clock.instant();
        LocalDate first = firstUnsealed(USAGE_DAY, creds, zone, now);
        int sealed = 0;
        for (LocalDate day = first; !dayEnd(day, zone).plus(GRACE).isAfter(now); day = day.plusDays(1)) {
            if (!sealUsageDay(creds, day, zone)) {
                // days are sealed in order (the next is the one after the last sealed): the later ones wait too
                break;
            }
            sealed++;
        }
        return sealed;
    }

    /** Seals one ended day; false, and nothing sealed, while a session that started that day still runs. */
    private boolean sealUsageDay(DeviceCredentials creds, LocalDate day, ZoneId zone) throws SQLException {
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = dayEnd(day, zone);
        // Read everything first: the sources may use the database themselves.
        List<LedgerSession> sessions = usage.sessionsOverlapping(from, to);
        if (UsageAggregation.sessionStillRunning(from, to, sessions)) {
            LOG.debug("usage of {} waits for a session that started that day to end", day);
            return false;
        }
        List<Instant> samples = health.sampleTimes(from.minus(sampleInterval), to);
        List<HourTotals> hours = UsageAggregation.hours(from, to, sessions, samples, sampleInterval);
        DayTotals totals = UsageAggregation.day(day, from, to, sessions);
        Envelope env = new Envelope(creds.deviceId(), creds.clubId(), agentVersion, zone, from, to);
        db.write(c -> {
            if (isSealed(c, USAGE_DAY, day.toEpochDay())) {
                return null;
            }
            var info = outbox.seal(
                    c, BatchKind.USAGE, BatchWriter.of(i -> BatchRecords.usage(i, env, hours, List.of(totals))));
            markSealed(c, USAGE_DAY, day.toEpochDay(), info.batchId().toString());
            LOG.info("sealed usage of {}: {} session(s), batch #{}", day, totals.totalSessions(), info.sequence());
            return null;
        });
        return true;
    }

    /** Seals the current health slot if not yet sealed and there is something to say; returns 0 or 1. */
    int sealHealthSlot(DeviceCredentials creds) throws SQLException {
        ZoneId zone = clock.getZone();
        Instant now = clock.instant();
        long ms = healthInterval.toMillis();
        Instant slot = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), ms) * ms);
        if (db.read(c -> isSealed(c, HEALTH_SLOT, slot.toEpochMilli()))) {
            return 0;
        }
        List<Snapshot> snapshots = new ArrayList<>();
        Optional<HealthReport> current = health.current();
        if (current.isPresent()
                && current.get().sampledAt() != null
                && !current.get().sampledAt().isBefore(now.minus(healthInterval.multipliedBy(2)))) {
            Map<String, HealthStatus> checks = new HashMap<>();
            for (CheckReport check : current.get().checks()) {
                checks.merge(check.name(), check.status(), HealthStatus::worst);
            }
            snapshots.add(new Snapshot(slot, current.get().overall(), SafeCheckNames.forUpload(checks)));
        }
        List<HealthDayTotals> days = new ArrayList<>();
        LocalDate first = firstUnsealed(HEALTH_DAY, creds, zone, now);
        for (LocalDate day = first;
                !dayEnd(day, zone).plus(GRACE).isAfter(now) && days.size() < CATCH_UP_DAYS + 1;
                day = day.plusDays(1)) {
            days.add(healthDay(day, zone));
        }
        if (snapshots.isEmpty() && days.isEmpty()) {
            return 0;
        }
        Envelope env =
                new Envelope(creds.deviceId(), creds.clubId(), agentVersion, zone, slot, slot.plus(healthInterval));
        return db.write(c -> {
            if (isSealed(c, HEALTH_SLOT, slot.toEpochMilli())) {
                return 0;
            }
            var info =
                    outbox.seal(c, BatchKind.HEALTH, BatchWriter.of(i -> BatchRecords.health(i, env, snapshots, days)));
            markSealed(c, HEALTH_SLOT, slot.toEpochMilli(), info.batchId().toString());
            for (HealthDayTotals d : days) {
                markSealed(c, HEALTH_DAY, d.day().toEpochDay(), info.batchId().toString());
            }
            return 1;
        });
    }

    private HealthDayTotals healthDay(LocalDate day, ZoneId zone) throws SQLException {
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = dayEnd(day, zone);
        List<Instant> samples = health.sampleTimes(from.minus(sampleInterval), to);
        int uptime = Math.min(25 * 60, UsageAggregation.runningMinutes(from, to, samples, sampleInterval));
        return new HealthDayTotals(
                day,
                SafeCheckNames.forUpload(health.worstStatus(from, to)),
                health.minFreeDiskPercent(from, to),
                health.maxCpuTemperatureCelsius(from, to),
                health.alertCount(from, to),
                uptime);
    }

    /**
     * The first day of {@code kind} not yet sealed: the day after the last sealed one, or (never
     * sealed) the enrolment day — the collector refuses periods before a device's enrolment, so
     * sessions on a PC before it was enrolled are not reported; never more than
     * {@link #CATCH_UP_DAYS} before today.
     */
    private LocalDate firstUnsealed(String kind, DeviceCredentials creds, ZoneId zone, Instant now)
            throws SQLException {
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate floor = today.minusDays(CATCH_UP_DAYS);
        Optional<Long> last = db.read(c -> lastSealed(c, kind));
        LocalDate first;
        if (last.isPresent()) {
            first = LocalDate.ofEpochDay(last.get()).plusDays(1);
        } else {
            first = LocalDate.ofInstant(creds.enrolledAt(), zone);
        }
        return first.isBefore(floor) ? floor : first;
    }

    private static Instant dayEnd(LocalDate day, ZoneId zone) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static boolean isSealed(Connection c, String kind, long periodStart) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT 1 FROM sealed_period WHERE kind = ? AND period_start = ?")) {
            ps.setString(1, kind);
            ps.setLong(2, periodStart);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Optional<Long> lastSealed(Connection c, String kind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(period_start) FROM sealed_period WHERE kind = ?")) {
            ps.setString(1, kind);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Optional.ofNullable(Rows.longOrNull(rs, 1));
            }
        }
    }

    private static void markSealed(Connection c, String kind, long periodStart, String batchId) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO sealed_period (kind, period_start, batch_id) VALUES (?, ?, ?)")) {
            ps.setString(1, kind);
            ps.setLong(2, periodStart);
            ps.setString(3, batchId);
            ps.executeUpdate();
        }
    }
}
