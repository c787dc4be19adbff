package bg.digiclub.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bg.digiclub.common.health.CheckReport;
import bg.digiclub.common.health.HealthReport;
import bg.digiclub.common.health.HealthStatus;

/**
 * The health line in the console and log: the overall status and every check's value. Watched live
 * ({@code agent run --live}, as the quick start runs it) it is written every round. As a service it
 * is written when the overall status changes and otherwise once every {@link #QUIET_EVERY}: a PC
 * sampled every 30 s for months would otherwise fill its log with 2,880 near-identical lines a day,
 * and each check's own status changes are logged anyway.
 */
final class LiveHealthLine implements Consumer<HealthReport> {
    /** How often a service writes the line when nothing changes: proof of life in the log. */
    static final Duration QUIET_EVERY = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger("health");

    private final boolean live;
    private HealthStatus lastOverall;
    private Instant lastWritten;

    /** @param live write every round, not only on changes and hourly */
    LiveHealthLine(boolean live) {
        this.live = live;
    }

    @Override
    public void accept(HealthReport report) {
        if (due(report)) {
            LOG.info(format(report));
            lastOverall = report.overall();
            lastWritten = report.sampledAt();
        }
    }

    /** Whether {@code report} is written: every round when live; else the first, on a change of overall status, hourly. */
    boolean due(HealthReport report) {
        return live
                || lastWritten == null
                || report.overall() != lastOverall
                || report.sampledAt() == null
                || !report.sampledAt().isBefore(lastWritten.plus(QUIET_EVERY));
    }

    static String format(HealthReport report) {
        StringBuilder line = new StringBuilder().append(report.overall());
        for (CheckReport c : report.checks()) {
            line.append(" | ").append(c.name()).append(' ').append(c.value());
            if (c.status() == HealthStatus.WARN || c.status() == HealthStatus.CRIT) {
                line.append(" [").append(c.status()).append(']');
            }
        }
        return line.toString();
    }
}
