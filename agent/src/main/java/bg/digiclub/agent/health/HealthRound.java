package bg.digiclub.agent.health;

import java.util.Objects;
import java.util.Optional;

import bg.digiclub.common.health.HealthReport;

/**
 * What one health round publishes: its report, and the sample the report was judged from. A round whose sample
 * failed republishes the last report with the sampling warning and has no sample: its values are not current, and
 * what shows values (node_exporter's textfile) shows none.
 *
 * @param report the round's report
 * @param sample the round's fresh sample; empty when sampling failed this round
 */
public record HealthRound(HealthReport report, Optional<HealthSample> sample) {
    public HealthRound {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(sample, "sample");
    }
}
