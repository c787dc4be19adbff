package bg.digiclub.collector.metrics;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.RuntimeMXBean;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.collector.store.PoolStats;
import bg.digiclub.support.metrics.PrometheusText;
import bg.digiclub.support.metrics.PrometheusText.Label;
import bg.digiclub.support.metrics.PrometheusText.Type;

/**
 * One scrape of {@code /metrics}: the device API's counters, the intake writer's queue, the live
 * channel (connections, the state writer's queue), the database pools, clubs and PCs by health, the JVM and the build. Each
 * family is written with every label value it can have (0 when none), so a series does not vanish
 * and come back. When the health counts cannot be read (the database is down), the rest is still
 * answered, that being when the pools' figures matter most.
 */
public final class CollectorMetrics {
    private static final Logger LOG = LoggerFactory.getLogger(CollectorMetrics.class);

    /** What the live channel tells: PCs connected to this instance, events waiting for its writer. */
    public record LiveFigures(IntSupplier connections, IntSupplier queued) {
        public LiveFigures {
            Objects.requireNonNull(connections, "connections");
            Objects.requireNonNull(queued, "queued");
        }
    }

    private final IntakeCounters intake;
    private final IntSupplier intakeQueued;
    private final LiveFigures live;
    private final Supplier<List<PoolStats>> pools;
    private final FleetHealth fleet;
    private final String version;

    /**
     * @param intakeQueued batches waiting for the intake writer ({@code store.BatchWriter#queued})
     * @param version      the collector's version (the jar's), {@code unknown} when run from classes
     */
    public CollectorMetrics(
            IntakeCounters intake,
            IntSupplier intakeQueued,
            LiveFigures live,
            Supplier<List<PoolStats>> pools,
            FleetHealth fleet,
            String version) {
        this.intake = Objects.requireNonNull(intake, "intake");
        this.intakeQueued = Objects.requireNonNull(intakeQueued, "intakeQueued");
        this.live = Objects.requireNonNull(live, "live");
        this.pools = Objects.requireNonNull(pools, "pools");
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.version = Objects.requireNonNull(version, "version");
    }

    /** The scrape's text. */
    public String scrape() {
        PrometheusText out = new PrometheusText();
        intake.writeTo(out);
        out.family(
                "digiclub_intake_writer_queue",
                Type.GAUGE,
                "Batches received and waiting for the intake writer to store them (not counting the group "
                        + "being written): growing means the database cannot keep up.");
        out.sample(intakeQueued.getAsInt());
        out.family(
                "digiclub_live_connections",
                Type.GAUGE,
                "PCs holding a live connection to this collector instance (the mentor's console).");
        out.sample(live.connections().getAsInt());
        out.family(
                "digiclub_live_state_writer_queue",
                Type.GAUGE,
                "Live events (PC states, command answers) waiting for the write-behind state writer.");
        out.sample(live.queued().getAsInt());
        pools(out);
        health(out);
        jvm(out);
        out.family("digiclub_build_info", Type.GAUGE, "The collector's version; always 1.");
        out.sample("version", version, 1);
        return out.text();
    }

    private void pools(PrometheusText out) {
        List<PoolStats> all = pools.get();
        out.family(
                "digiclub_db_pool_connections",
                Type.GAUGE,
                "Database pool connections by state (active: lent out, idle: open and free, pending: callers "
                        + "waiting, max: the most the pool opens).");
        for (PoolStats p : all) {
            out.sample(poolLabels(p, "active"), p.active());
            out.sample(poolLabels(p, "idle"), p.idle());
            out.sample(poolLabels(p, "pending"), p.pending());
            out.sample(poolLabels(p, "max"), p.max());
        }
    }

    private static List<Label> poolLabels(PoolStats p, String state) {
        return List.of(new Label("pool", p.pool()), new Label("state", state));
    }

    private void health(PrometheusText out) {
        FleetHealth.Counts counts;
        try {
            counts = fleet.counts();
        } catch (SQLException e) {
            LOG.warn("clubs and PCs by health left out of /metrics: {}", e.toString());
            return;
        }
        out.family(
                "digiclub_clubs",
                Type.GAUGE,
                "Clubs by health light: the worst latest status of their PCs (none: no PC has reported).");
        counts.clubs().forEach((light, n) -> out.sample("health", light.name().toLowerCase(Locale.ROOT), n));
        out.family(
                "digiclub_pcs",
                Type.GAUGE,
                "Enrolled PCs by their latest reported health status (none: not reported yet).");
        counts.pcs().forEach((status, n) -> out.sample("health", status, n));
    }

    private static void jvm(PrometheusText out) {
        RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
        out.family("process_start_time_seconds", Type.GAUGE, "When the collector's process started, in Unix seconds.");
        out.sample(runtime.getStartTime() / 1000.0);
        out.family("digiclub_uptime_seconds", Type.GAUGE, "Seconds since the collector's process started.");
        out.sample(runtime.getUptime() / 1000.0);
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        out.family(
                "digiclub_jvm_heap_bytes",
                Type.GAUGE,
                "The JVM heap: used, committed (held from the system) and max (-1: no limit).");
        out.sample("state", "used", heap.getUsed());
        out.sample("state", "committed", heap.getCommitted());
        out.sample("state", "max", heap.getMax());
        out.family("digiclub_jvm_threads", Type.GAUGE, "Live threads of the collector's JVM.");
        out.sample(ManagementFactory.getThreadMXBean().getThreadCount());
    }
}
