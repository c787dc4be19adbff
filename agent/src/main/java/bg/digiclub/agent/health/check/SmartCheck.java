package bg.digiclub.agent.health.check;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalDouble;

import bg.digiclub.agent.health.HealthSample;
import bg.digiclub.agent.health.Metric;
import bg.digiclub.common.health.HealthStatus;

/**
 * A disk's SMART self-assessment: CRIT once it has said FAILED for the minimum duration (by
 * default at once), OK when it says PASSED, UNKNOWN when there is no SMART result (no
 * {@code smartctl}, or a disk it cannot read). The disk is present as long as the sample has
 * any metric of it, so a disk without a SMART result still shows as UNKNOWN.
 */
final class SmartCheck implements HealthCheck {
    private final String disk;
    private final Duration minDuration;
    private HealthStatus status = HealthStatus.UNKNOWN;
    private Instant failingSince;

    SmartCheck(String disk, Duration minDuration) {
        this.disk = disk;
        this.minDuration = minDuration;
    }

    @Override
    public String name() {
        return CheckNames.smart(disk);
    }

    @Override
    public boolean present(HealthSample sample) {
        return sample.metrics().containsKey(Metric.diskSmartOk(disk))
                || sample.metrics().containsKey(Metric.diskReadBps(disk))
                || sample.metrics().containsKey(Metric.diskWriteBps(disk));
    }

    @Override
    public Outcome evaluate(HealthSample sample) {
        OptionalDouble ok = Readings.finite(sample, Metric.diskSmartOk(disk));
        if (ok.isEmpty()) {
            failingSince = null;
            status = HealthStatus.UNKNOWN;
            return Outcome.notAvailable();
        }
        if (ok.getAsDouble() >= 0.5) {
            failingSince = null;
            status = HealthStatus.OK;
            return Outcome.judged(name(), status, "passed", "", Map.of("smartOk", 1.0));
        }
        if (failingSince == null) {
            failingSince = sample.at();
        }
        if (Duration.between(failingSince, sample.at()).compareTo(minDuration) >= 0) {
            status = HealthStatus.CRIT;
        } else if (status == HealthStatus.UNKNOWN) {
            status = HealthStatus.OK; // known, but not failed long enough yet
        }
        return Outcome.judged(name(), status, "failed", "", Map.of("smartOk", 0.0));
    }
}
