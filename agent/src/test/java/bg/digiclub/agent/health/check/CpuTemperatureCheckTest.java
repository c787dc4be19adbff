package bg.digiclub.agent.health.check;

import static bg.digiclub.agent.health.check.EvaluationAsserts.only;
import static bg.digiclub.agent.health.check.EvaluationAsserts.statusOf;
import static bg.digiclub.common.health.HealthStatus.CRIT;
import static bg.digiclub.common.health.HealthStatus.OK;
import static bg.digiclub.common.health.HealthStatus.UNKNOWN;
import static bg.digiclub.common.health.HealthStatus.WARN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import bg.digiclub.agent.health.Metric;
import bg.digiclub.common.health.CheckReport;

/** CPU temperature: WARN above 80 °C, CRIT above 90 °C, after 1 minute; clears 5 °C lower. */
class CpuTemperatureCheckTest {
    private final HealthEvaluator evaluator = new HealthEvaluator(HealthThresholds.defaults());

    @Test
    void hotForLessThanAMinuteIsOk() {
        assertEquals(OK, at(0, 85).status());
        assertEquals(OK, at(30, 85).status());
        assertEquals(OK, at(59, 85).status());
        CheckReport warn = at(60, 85);
        assertEquals(WARN, warn.status());
        assertEquals("85 °C", warn.value());
        assertEquals(Map.of("celsius", 85.0), warn.facts());
    }

    @Test
    void exactlyEightyIsNotAboveEighty() {
        at(0, 80);
        assertEquals(OK, at(600, 80).status());
    }

    @Test
    void veryHotForAMinuteIsCrit() {
        at(0, 95);
        assertEquals(CRIT, at(60, 95).status());
        Evaluation e = evaluate(90, 82);
        assertEquals(WARN, statusOf(e, CheckNames.CPU_TEMPERATURE), "82 °C: below 90 - 5, above 80");
        assertEquals(OK, at(120, 75).status());
    }

    @Test
    void oscillatingAroundEightyDoesNotFlap() {
        at(0, 81);
        assertEquals(WARN, at(60, 81).status());
        for (int s = 90; s < 3600; s += 30) {
            Evaluation e = evaluate(s, s % 60 == 0 ? 79 : 81);
            assertEquals(WARN, statusOf(e, CheckNames.CPU_TEMPERATURE));
            assertEquals(0, e.changes().size());
        }
        Evaluation cooled = evaluate(3600, 75);
        assertEquals(OK, statusOf(cooled, CheckNames.CPU_TEMPERATURE));
        assertEquals(
                "normal: 75 °C",
                only(cooled.changes(), CheckNames.CPU_TEMPERATURE).detail());
    }

    @Test
    void aSensorReadingZeroIsNotAvailable() {
        CheckReport zero = at(0, 0.0);
        assertEquals(UNKNOWN, zero.status());
        assertEquals("not available", zero.value());
        assertEquals(Map.of("available", 0.0), zero.facts());
    }

    @Test
    void noSensorIsNotAvailable() {
        CheckReport none = evaluator
                .evaluate(Samples.atMinute(0).build())
                .check(CheckNames.CPU_TEMPERATURE)
                .orElseThrow();
        assertEquals(UNKNOWN, none.status());
        assertEquals("not available", none.value());
        assertEquals(Samples.START, none.since());
    }

    @Test
    void notANumberIsNotAvailable() {
        assertEquals(UNKNOWN, at(0, Double.NaN).status());
    }

    private CheckReport at(long second, double celsius) {
        return evaluate(second, celsius).check(CheckNames.CPU_TEMPERATURE).orElseThrow();
    }

    private Evaluation evaluate(long second, double celsius) {
        return evaluator.evaluate(Samples.at(Duration.ofSeconds(second))
                .with(Metric.CPU_TEMPERATURE_C, celsius)
                .build());
    }
}
