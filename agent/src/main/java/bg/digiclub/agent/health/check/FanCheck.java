package bg.digiclub.agent.health.check;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

import bg.digiclub.agent.health.HealthSample;
import bg.digiclub.agent.health.Metric;
import bg.digiclub.common.health.HealthStatus;

/**
 * One cooling fan, judged by {@link FanRule}: UNKNOWN until it has been seen spinning; after
 * that, WARN ("fan stopped") once it has read stopped or not at all for the minimum duration
 * while the processor was warm (or of unknown temperature). A fan never seen spinning whose
 * reading disappears is dropped, like an unplugged disk; one seen spinning stays, because a
 * fan that stops reporting may well have stopped.
 */
final class FanCheck implements HealthCheck {
    private final int number;
    private final FanRule rule;
    private boolean seenSpinning;
    private boolean warned;
    /** First sample of the current unbroken run of "stopped while warm"; null when not in one. */
    private Instant stoppedWarmSince;

    FanCheck(int number, FanRule rule) {
        this.number = number;
        this.rule = rule;
    }

    @Override
    public String name() {
        return CheckNames.fan(number);
    }

    @Override
    public boolean present(HealthSample sample) {
        return seenSpinning || sample.metrics().containsKey(Metric.fanRpm(number));
    }

    @Override
    public Outcome evaluate(HealthSample sample) {
        OptionalDouble rpm = Readings.finite(sample, Metric.fanRpm(number));
        if (rpm.isPresent() && rpm.getAsDouble() >= rule.stoppedBelowRpm()) {
            seenSpinning = true;
            warned = false;
            stoppedWarmSince = null;
            return Outcome.judged(
                    name(),
                    HealthStatus.OK,
                    PlainWords.number(Math.round(rpm.getAsDouble())) + " rpm",
                    "",
                    Map.of("rpm", (double) Math.round(rpm.getAsDouble())));
        }
        Map<String, Double> facts = new HashMap<>();
        facts.put("stopped", 1.0);
        if (rpm.isPresent()) {
            facts.put("rpm", (double) Math.round(rpm.getAsDouble()));
        }
        String value = rpm.isPresent()
                ? "stopped (" + PlainWords.number(Math.round(rpm.getAsDouble())) + " rpm)"
                : "stopped (no reading)";
        if (!seenSpinning) {
            // boards report empty fan headers as 0 rpm: nothing to judge until it has turned once
            if (rpm.isEmpty()) {
                return Outcome.notAvailable();
            }
            facts.put("seenRunning", 0.0);
            return new Outcome(HealthStatus.UNKNOWN, value + ", not seen running yet", Outcome.NOT_AVAILABLE, facts);
        }
        if (processorIsCool(sample)) {
            stoppedWarmSince = null;
        } else if (stoppedWarmSince == null) {
            stoppedWarmSince = sample.at();
        }
        if (stoppedWarmSince != null
                && Duration.between(stoppedWarmSince, sample.at()).compareTo(rule.minDuration()) >= 0) {
            warned = true;
        }
        // a WARN fan clears only by spinning again: a cooler processor does not make it work
        return Outcome.judged(name(), warned ? HealthStatus.WARN : HealthStatus.OK, value, "", facts);
    }

    private boolean processorIsCool(HealthSample sample) {
        OptionalDouble temperature = Readings.positive(sample, Metric.CPU_TEMPERATURE_C);
        return temperature.isPresent() && temperature.getAsDouble() < rule.quietBelowC();
    }
}
