package bg.digiclub.agent.metrics;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.BiFunction;

import bg.digiclub.agent.health.HealthSample;
import bg.digiclub.agent.health.Metric;
import bg.digiclub.agent.health.check.CheckMetrics;
import bg.digiclub.agent.health.check.CheckNames;
import bg.digiclub.agent.health.check.Readings;
import bg.digiclub.common.health.CheckReport;
import bg.digiclub.common.health.HealthReport;
import bg.digiclub.support.metrics.PrometheusText;
import bg.digiclub.support.metrics.PrometheusText.Type;

/**
 * A round's figures as the textfile's text: every check's status ({@code digiclub_check_status},
 * 0 OK 1 WARN 2 CRIT 3 UNKNOWN), the whole PC's, the key values from the round's sample when the PC
 * measures them (CPU load, memory used, disk free per mount, CPU temperature, uptime; none in a round
 * whose sample failed, whose report is the last one again), the outbox, the age of the
 * last delivery, whether a session is open, when the round ran, the agent's version. A disk check
 * names its mount by {@link MountLabels}; nothing else in a check's name is a name someone chose
 * (disks are {@code sda}, fans numbers). Every value is a gauge: node_exporter adds the PC's own
 * {@code instance} label, so the file itself names nothing.
 */
final class AgentMetricsText {
    private AgentMetricsText() {}

    static String render(RoundFigures figures, String version) {
        Objects.requireNonNull(version, "version");
        HealthReport report = figures.round().report();
        Map<String, String> mounts = MountLabels.of(report.checks().stream()
                .map(CheckReport::name)
                .filter(n -> n.startsWith(CheckNames.DISK_PREFIX))
                .map(n -> n.substring(CheckNames.DISK_PREFIX.length()))
                .toList());
        PrometheusText out = new PrometheusText();
        out.family(
                "digiclub_check_status",
                Type.GAUGE,
                "Each health check of the PC: 0 OK, 1 WARN, 2 CRIT, 3 UNKNOWN (as a Nagios plugin exits).");
        for (CheckReport check : report.checks()) {
            out.sample("check", label(check.name(), mounts), StatusCode.of(check.status()));
        }
        out.family(
                "digiclub_health_status",
                Type.GAUGE,
                "The whole PC's health (the worst check that measures): 0 OK, 1 WARN, 2 CRIT, 3 UNKNOWN.");
        out.sample(StatusCode.of(report.overall()));
        Optional<HealthSample> sample = figures.round().sample();
        value(
                out,
                read(sample, Readings::finite, Metric.CPU_LOAD_PCT),
                "digiclub_cpu_load_percent",
                "The processor's load in the round's sample, 0-100.");
        value(
                out,
                read(sample, Readings::finite, Metric.MEM_USED_PCT),
                "digiclub_memory_used_percent",
                "Memory in use, 0-100.");
        Map<String, Double> disksFree = new LinkedHashMap<>();
        for (CheckReport check : report.checks()) {
            if (check.name().startsWith(CheckNames.DISK_PREFIX)) {
                String mount = mounts.get(check.name().substring(CheckNames.DISK_PREFIX.length()));
                OptionalDouble free = CheckMetrics.metricOf(check.name())
                        .map(metric -> read(sample, Readings::finite, metric))
                        .orElse(OptionalDouble.empty());
                free.ifPresent(pct -> disksFree.put(mount, pct));
            }
        }
        if (!disksFree.isEmpty()) {
            out.family("digiclub_disk_free_percent", Type.GAUGE, "Free space of each local file system, 0-100.");
            disksFree.forEach((mount, free) -> out.sample("mount", mount, free));
        }
        value(
                out,
                // a sensor reading 0 is no sensor, as for the check
                read(sample, Readings::positive, Metric.CPU_TEMPERATURE_C),
                "digiclub_cpu_temperature_celsius",
                "The processor's temperature.");
        value(
                out,
                read(sample, Readings::finite, Metric.UPTIME_S),
                "digiclub_pc_uptime_seconds",
                "Seconds since the PC started.");
        figures.upload().ifPresent(upload -> {
            out.family(
                    "digiclub_outbox_batches",
                    Type.GAUGE,
                    "Statistics batches waiting on the PC to be delivered to the collector.");
            out.sample(upload.outboxBatches());
            out.family(
                    "digiclub_upload_last_success_age_seconds",
                    Type.GAUGE,
                    "Seconds since the collector last took a delivery from this PC (+Inf: never).");
            out.sample(upload.lastSuccess()
                    .map(at -> Math.max(
                            0, Duration.between(at, figures.writtenAt()).toSeconds()))
                    .map(Long::doubleValue)
                    .orElse(Double.POSITIVE_INFINITY));
        });
        out.family("digiclub_session_open", Type.GAUGE, "1 while a visitor's session is open on the PC, else 0.");
        out.sample(figures.sessionOpen() ? 1 : 0);
        out.family(
                "digiclub_last_round_timestamp_seconds",
                Type.GAUGE,
                "When the agent's last health round wrote this file, in Unix seconds (a stale file: a stuck agent).");
        out.sample(figures.writtenAt().getEpochSecond());
        out.family("digiclub_agent_build_info", Type.GAUGE, "The agent's version; always 1.");
        out.sample("version", version, 1);
        return out.text();
    }

    private static String label(String check, Map<String, String> mounts) {
        if (check.startsWith(CheckNames.DISK_PREFIX)) {
            return CheckNames.disk(mounts.get(check.substring(CheckNames.DISK_PREFIX.length())));
        }
        return check;
    }

    /** A value as its own gauge, when there is one. */
    private static void value(PrometheusText out, OptionalDouble value, String name, String help) {
        if (value.isPresent()) {
            out.family(name, Type.GAUGE, help);
            out.sample(value.getAsDouble());
        }
    }

    /** The sample's metric as {@code reading} takes it; empty without a sample. */
    private static OptionalDouble read(
            Optional<HealthSample> sample, BiFunction<HealthSample, String, OptionalDouble> reading, String metric) {
        return sample.map(s -> reading.apply(s, metric)).orElse(OptionalDouble.empty());
    }
}
