package bg.digiclub.agent.health.check;

import static bg.digiclub.agent.health.check.EvaluationAsserts.only;
import static bg.digiclub.agent.health.check.EvaluationAsserts.statusOf;
import static bg.digiclub.common.health.HealthStatus.OK;
import static bg.digiclub.common.health.HealthStatus.UNKNOWN;
import static bg.digiclub.common.health.HealthStatus.WARN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import bg.digiclub.agent.health.Metric;
import bg.digiclub.common.health.CheckReport;

/** Fans: WARN when a fan seen spinning reads stopped (or nothing) for 2 minutes while the CPU is warm. */
class FanCheckTest {
    private final HealthEvaluator evaluator = new HealthEvaluator(HealthThresholds.defaults());

    @Test
    void fanNeverSeenSpinningIsUnknown() {
        for (int minute = 0; minute < 30; minute++) {
            Evaluation e = fan(minute, 0, 70.0);
            CheckReport fan = e.check("fan:0").orElseThrow();
            assertEquals(UNKNOWN, fan.status());
            assertEquals("stopped (0 rpm), not seen running yet", fan.value());
        }
    }

    @Test
    void fanStoppingWhileWarmWarnsAfterTwoMinutes() {
        CheckReport spinning = fan(0, 1450, 60.0).check("fan:0").orElseThrow();
        assertEquals(OK, spinning.status());
        assertEquals("1450 rpm", spinning.value());
        assertEquals(OK, statusOf(fan(1, 0, 60.0), "fan:0"));
        assertEquals(OK, statusOf(fan(2, 0, 60.0), "fan:0"));
        Evaluation warn = fan(3, 0, 60.0);
        assertEquals(WARN, statusOf(warn, "fan:0"));
        assertEquals("stopped (0 rpm)", warn.check("fan:0").orElseThrow().value());
        assertTrue(only(warn.changes(), "fan:0").detail().startsWith("fan stopped"));
        assertEquals(WARN, statusOf(fan(4, 0, 40.0), "fan:0"), "cooling down does not fix the fan");
        Evaluation fixed = fan(5, 1200, 40.0);
        assertEquals(OK, statusOf(fixed, "fan:0"));
        assertEquals(WARN, only(fixed.changes(), "fan:0").from());
    }

    @Test
    void fanRestingWhileTheProcessorIsCoolIsOk() {
        fan(0, 2100, 45.0);
        for (int minute = 1; minute < 60; minute++) {
            assertEquals(OK, statusOf(fan(minute, 0, 45.0), "fan:0"), "minute " + minute);
        }
        // the processor warms up and the fan stays still: two more minutes, not the whole hour
        assertEquals(OK, statusOf(fan(60, 0, 55.0), "fan:0"));
        assertEquals(OK, statusOf(fan(61, 0, 55.0), "fan:0"));
        assertEquals(WARN, statusOf(fan(62, 0, 55.0), "fan:0"));
    }

    @Test
    void fanThatStopsReportingAfterSpinningCountsAsStopped() {
        fan(0, 900, null);
        Evaluation noReading = evaluator.evaluate(Samples.atMinute(1).build());
        assertEquals(
                "stopped (no reading)", noReading.check("fan:0").orElseThrow().value());
        evaluator.evaluate(Samples.atMinute(2).build());
        Evaluation warn = evaluator.evaluate(Samples.atMinute(3).build());
        assertEquals(WARN, statusOf(warn, "fan:0"), "no temperature either: cannot tell it may rest");
    }

    @Test
    void fanNeverSeenSpinningThatDisappearsIsDropped() {
        fan(0, 0, null);
        Evaluation gone = evaluator.evaluate(Samples.atMinute(1).build());
        assertTrue(gone.check("fan:0").isEmpty());
        assertTrue(gone.changes().stream().noneMatch(c -> c.check().equals("fan:0")), "it was UNKNOWN");
    }

    @Test
    void fansAreListedInNumberOrder() {
        HealthEvaluator local = new HealthEvaluator(HealthThresholds.defaults());
        Evaluation e = local.evaluate(Samples.atMinute(0)
                .with(Metric.fanRpm(10), 800)
                .with(Metric.fanRpm(2), 900)
                .build());
        assertEquals(
                List.of("fan:2", "fan:10"),
                e.report().checks().stream()
                        .map(CheckReport::name)
                        .filter(n -> n.startsWith("fan:"))
                        .toList());
    }

    private Evaluation fan(long minute, double rpm, Double cpuCelsius) {
        Samples sample = Samples.atMinute(minute).with(Metric.fanRpm(0), rpm);
        if (cpuCelsius != null) {
            sample.with(Metric.CPU_TEMPERATURE_C, cpuCelsius);
        }
        return evaluator.evaluate(sample.build());
    }
}
