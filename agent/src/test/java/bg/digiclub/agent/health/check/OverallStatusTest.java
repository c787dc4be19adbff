package bg.digiclub.agent.health.check;

import static bg.digiclub.agent.health.check.EvaluationAsserts.only;
import static bg.digiclub.common.health.HealthStatus.CRIT;
import static bg.digiclub.common.health.HealthStatus.OK;
import static bg.digiclub.common.health.HealthStatus.UNKNOWN;
import static bg.digiclub.common.health.HealthStatus.WARN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import bg.digiclub.agent.health.HealthSample;
import bg.digiclub.agent.health.Metric;
import bg.digiclub.agent.health.StatusChange;
import bg.digiclub.common.health.CheckReport;
import bg.digiclub.common.health.HealthReport;

/** The PC's overall status, the report as a whole, and the order of samples. */
class OverallStatusTest {
    private final HealthEvaluator evaluator = new HealthEvaluator(HealthThresholds.defaults());

    @Test
    void virtualMachineWithoutSensorsIsOk() {
        Evaluation e = evaluator.evaluate(Samples.atMinute(0)
                .with(Metric.fsFreePct("/"), 60)
                .with(Metric.MEM_USED_PCT, 30)
                .with(Metric.UPTIME_S, 3600)
                .build());
        HealthReport report = e.report();
        assertEquals(OK, report.overall());
        assertEquals(UNKNOWN, e.check(CheckNames.CPU_TEMPERATURE).orElseThrow().status());
        StatusChange overall = only(e.changes(), "overall");
        assertEquals(UNKNOWN, overall.from());
        assertEquals(OK, overall.to());
        assertEquals("all checks with a value are OK", overall.detail());
    }

    @Test
    void noValueAtAllIsUnknown() {
        Evaluation e = evaluator.evaluate(Samples.atMinute(0).build());
        assertEquals(UNKNOWN, e.report().overall());
        assertTrue(e.changes().isEmpty(), "UNKNOWN to UNKNOWN is no change: " + e.changes());
        for (CheckReport check : e.report().checks()) {
            assertEquals(UNKNOWN, check.status(), check.name());
            assertEquals("not available", check.value(), check.name());
        }
    }

    @Test
    void overallIsTheWorstKnownCheck() {
        Evaluation warn = evaluator.evaluate(Samples.atMinute(0)
                .with(Metric.fsFreePct("/"), 8)
                .with(Metric.MEM_USED_PCT, 30)
                .build());
        assertEquals(WARN, warn.report().overall());
        assertEquals("disk:/ WARN (8 % free)", only(warn.changes(), "overall").detail());

        Evaluation crit = evaluator.evaluate(Samples.atMinute(1)
                .with(Metric.fsFreePct("/"), 8)
                .with(Metric.MEM_USED_PCT, 30)
                .with(Metric.diskSmartOk("sda"), 0)
                .build());
        assertEquals(CRIT, crit.report().overall());
        StatusChange overall = only(crit.changes(), "overall");
        assertEquals(WARN, overall.from());
        assertEquals("smart:sda CRIT (failed), disk:/ WARN (8 % free)", overall.detail());
        assertEquals("overall", crit.changes().get(crit.changes().size() - 1).check(), "overall comes last");

        Evaluation recovered = evaluator.evaluate(Samples.atMinute(2)
                .with(Metric.fsFreePct("/"), 50)
                .with(Metric.MEM_USED_PCT, 30)
                .with(Metric.diskSmartOk("sda"), 1)
                .build());
        assertEquals(OK, recovered.report().overall());
        assertEquals(CRIT, only(recovered.changes(), "overall").from());
        assertEquals(OK, only(recovered.changes(), "overall").to());
    }

    @Test
    void steadyStateProducesNoChanges() {
        evaluator.evaluate(steady(0));
        for (int minute = 1; minute < 30; minute++) {
            Evaluation e = evaluator.evaluate(steady(minute));
            assertTrue(e.changes().isEmpty(), "minute " + minute + ": " + e.changes());
            assertEquals(Samples.START, e.check("disk:/").orElseThrow().since(), "since stays at the first sample");
        }
    }

    @Test
    void reportListsChecksInAStableOrder() {
        Evaluation e = evaluator.evaluate(Samples.atMinute(0)
                .with(Metric.fsFreePct("/home"), 50)
                .with(Metric.fsFreePct("/"), 50)
                .with(Metric.fanRpm(0), 1000)
                .with(Metric.diskSmartOk("sda"), 1)
                .build());
        assertEquals(
                List.of(
                        "disk:/",
                        "disk:/home",
                        "smart:sda",
                        "cpu-temperature",
                        "fan:0",
                        "memory",
                        "swap",
                        "battery-charge",
                        "battery-health",
                        "uptime"),
                e.report().checks().stream().map(CheckReport::name).toList());
        assertEquals(Samples.START, e.report().sampledAt());
    }

    @Test
    void samplesMustComeInTimeOrder() {
        evaluator.evaluate(Samples.atMinute(5).build());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> evaluator.evaluate(Samples.atMinute(4).build()));
        assertTrue(e.getMessage().startsWith("samples must come in time order"), e.getMessage());
        evaluator.evaluate(Samples.atMinute(5).build()); // the same instant again is accepted
    }

    @Test
    void swapIsJudgedOnlyWhereThereIsSwap() {
        Evaluation none = evaluator.evaluate(Samples.atMinute(0)
                .with(Metric.SWAP_TOTAL_BYTES, 0)
                .with(Metric.SWAP_USED_PCT, 0)
                .build());
        assertEquals(UNKNOWN, none.check(CheckNames.SWAP).orElseThrow().status());
        HealthEvaluator other = new HealthEvaluator(HealthThresholds.defaults());
        other.evaluate(swap(Duration.ZERO));
        assertEquals(
                OK,
                other.evaluate(swap(Duration.ofMinutes(9)))
                        .check(CheckNames.SWAP)
                        .orElseThrow()
                        .status());
        CheckReport warn = other.evaluate(swap(Duration.ofMinutes(10)))
                .check(CheckNames.SWAP)
                .orElseThrow();
        assertEquals(WARN, warn.status());
        assertEquals("85 % used of 2 GB", warn.value());
    }

    private static HealthSample swap(Duration at) {
        return Samples.at(at)
                .with(Metric.SWAP_TOTAL_BYTES, 2 * Samples.GB)
                .with(Metric.SWAP_USED_PCT, 85)
                .build();
    }

    private static HealthSample steady(long minute) {
        return Samples.atMinute(minute)
                .with(Metric.fsFreePct("/"), 40)
                .with(Metric.MEM_USED_PCT, 50)
                .with(Metric.CPU_TEMPERATURE_C, 48)
                .with(Metric.UPTIME_S, 3600 + minute * 60)
                .build();
    }
}
