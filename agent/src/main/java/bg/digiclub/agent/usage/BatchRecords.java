package bg.digiclub.agent.usage;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import bg.digiclub.agent.upload.SealInfo;
import bg.digiclub.common.batch.Batch;
import bg.digiclub.common.batch.BatchKind;
import bg.digiclub.common.batch.BatchLimits;
import bg.digiclub.common.batch.CheckStatus;
import bg.digiclub.common.batch.DayUsage;
import bg.digiclub.common.batch.DemographicCount;
import bg.digiclub.common.batch.Evictions;
import bg.digiclub.common.batch.HealthDay;
import bg.digiclub.common.batch.HealthPayload;
import bg.digiclub.common.batch.HealthSnapshot;
import bg.digiclub.common.batch.HourUsage;
import bg.digiclub.common.batch.TileCategoryCount;
import bg.digiclub.common.batch.UsagePayload;
import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.common.link.Demographics;

/**
 * The agent's totals as the upload contract's records ({@code common.batch}, docs/protocol.md):
 * every field that leaves the PC is put into a batch here and nowhere else. The records check
 * the contract as they are built, so a batch the collector would refuse cannot be sealed.
 *
 * <p>The order of every list is fixed (demographic cells by age band then sex, tile categories
 * and check names in their natural order), so the same totals always give the same bytes.
 */
final class BatchRecords {
    private BatchRecords() {}

    /** A usage batch of {@code hours} and {@code days}. */
    static Batch usage(SealInfo info, Envelope env, List<HourTotals> hours, List<DayTotals> days) {
        requireKind(info, BatchKind.USAGE);
        List<HourUsage> hourUsage = hours.stream()
                .map(h -> new HourUsage(
                        h.hour(),
                        h.sessionsStarted(),
                        h.guestSessions(),
                        h.memberSessions(),
                        h.sessionMinutes(),
                        h.poweredOnMinutes()))
                .toList();
        List<DayUsage> dayUsage = days.stream().map(BatchRecords::day).toList();
        return Batch.usage(
                info.batchId(),
                env.deviceId(),
                env.clubId(),
                env.agentVersion(),
                env.zone().getId(),
                env.periodFrom(),
                env.periodTo(),
                info.sequence(),
                evictions(info),
                new UsagePayload(hourUsage, dayUsage));
    }

    /** A health batch of {@code snapshots} and {@code days}. */
    static Batch health(SealInfo info, Envelope env, List<Snapshot> snapshots, List<HealthDayTotals> days) {
        requireKind(info, BatchKind.HEALTH);
        List<HealthSnapshot> snaps = snapshots.stream()
                .map(s -> new HealthSnapshot(s.at(), s.overall(), checks(s.checks())))
                .toList();
        List<HealthDay> healthDays = days.stream()
                .map(d -> new HealthDay(
                        d.day(),
                        checks(d.worst()),
                        measured(d.minFreeDiskPercent(), 0, 100),
                        measured(d.maxCpuTemperatureCelsius(), -50, 150),
                        d.alertCount(),
                        d.uptimeMinutes()))
                .toList();
        return Batch.health(
                info.batchId(),
                env.deviceId(),
                env.clubId(),
                env.agentVersion(),
                env.zone().getId(),
                env.periodFrom(),
                env.periodTo(),
                info.sequence(),
                evictions(info),
                new HealthPayload(snaps, healthDays));
    }

    private static DayUsage day(DayTotals day) {
        List<DemographicCount> cells = day.sessions().entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.comparingByKey(
                        Comparator.comparing(Demographics::ageBand).thenComparing(Demographics::sex)))
                .map(e -> new DemographicCount(e.getKey().ageBand(), e.getKey().sex(), e.getValue()))
                .toList();
        // an empty list is left out on the wire, as the protocol allows
        List<TileCategoryCount> tiles = day.tileCategories().entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.comparingByKey())
                .map(e -> new TileCategoryCount(e.getKey(), e.getValue()))
                .toList();
        return new DayUsage(day.day(), cells, day.distinctMembers(), tiles);
    }

    /** In the map's order: the callers' maps are sorted by name. */
    private static List<CheckStatus> checks(Map<String, HealthStatus> checks) {
        return checks.entrySet().stream()
                .map(e -> new CheckStatus(e.getKey(), e.getValue()))
                .toList();
    }

    /** A measured value rounded to one decimal and kept in the protocol's range, or null (not measured). */
    private static Double measured(OptionalDouble value, double min, double max) {
        if (value.isEmpty() || !Double.isFinite(value.getAsDouble())) {
            return null;
        }
        double v = Math.max(min, Math.min(max, value.getAsDouble()));
        return Math.round(v * 10) / 10.0;
    }

    /** The outbox's eviction counts, capped at the contract's bound for a count. */
    private static Evictions evictions(SealInfo info) {
        return new Evictions(capped(info.evicted(BatchKind.USAGE)), capped(info.evicted(BatchKind.HEALTH)));
    }

    private static int capped(long count) {
        return (int) Math.min(BatchLimits.MAX_COUNT, count);
    }

    private static void requireKind(SealInfo info, BatchKind kind) {
        if (info.kind() != kind) {
            throw new IllegalArgumentException("a " + kind + " batch sealed as " + info.kind());
        }
    }
}
