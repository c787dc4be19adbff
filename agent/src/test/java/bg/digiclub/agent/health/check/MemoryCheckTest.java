package bg.digiclub.agent.health.check;

import static bg.digiclub.agent.health.check.EvaluationAsserts.only;
import static bg.digiclub.common.health.HealthStatus.CRIT;
import static bg.digiclub.common.health.HealthStatus.OK;
import static bg.digiclub.common.health.HealthStatus.UNKNOWN;
import static bg.digiclub.common.health.HealthStatus.WARN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import bg.digiclub.agent.health.Metric;
import bg.digiclub.agent.health.StatusChange;
import bg.digiclub.common.health.CheckReport;

/** Memory: WARN above 90 % and CRIT above 97 %, each only after 5 minutes; clears at 85 % / 92 %. */
class MemoryCheckTest {
    private final HealthEvaluator evaluator = new HealthEvaluator(HealthThresholds.defaults());

    @Test
    void ninetyFivePercentForFourMinutesIsStillOk() {
        for (int minute = 0; minute <= 4; minute++) {
            assertEquals(OK, memoryAt(minute, 95).status(), "minute " + minute);
        }
    }

    @Test
    void ninetyFivePercentForFiveMinutesIsWarn() {
        for (int minute = 0; minute <= 4; minute++) {
            memoryAt(minute, 95);
        }
        Evaluation fifth = evaluate(5, 95);
        CheckReport memory = fifth.check(CheckNames.MEMORY).orElseThrow();
        assertEquals(WARN, memory.status());
        assertEquals("95 % used of 8 GB", memory.value());
        assertEquals(Map.of("percent", 95.0, "totalBytes", 8 * Samples.GB), memory.facts());
        assertEquals(Samples.atMinute(5).build().at(), memory.since());
        StatusChange change = only(fifth.changes(), CheckNames.MEMORY);
        assertEquals(OK, change.from());
        assertEquals(WARN, change.to());
        assertEquals(
                "memory is short: close programs not in use or restart the PC: 95 % used of 8 GB"
                        + " (warning above 90 % used)",
                change.detail());
    }

    @Test
    void aDipBelowTheLevelStartsTheMinimumDurationOver() {
        memoryAt(0, 95);
        memoryAt(3, 95);
        memoryAt(4, 89); // below 90: the run is broken
        memoryAt(5, 95);
        assertEquals(OK, memoryAt(9, 95).status(), "only 4 minutes since the dip");
        assertEquals(WARN, memoryAt(10, 95).status());
    }

    @Test
    void critNeedsItsOwnFiveMinutesBeyondItsLevel() {
        for (int minute = 0; minute <= 5; minute++) {
            memoryAt(minute, 95);
        }
        assertEquals(WARN, memoryAt(6, 98).status());
        assertEquals(WARN, memoryAt(10, 98).status(), "98 % only for 4 minutes");
        Evaluation crit = evaluate(11, 98);
        assertEquals(CRIT, crit.check(CheckNames.MEMORY).orElseThrow().status());
        assertEquals(WARN, only(crit.changes(), CheckNames.MEMORY).from());
    }

    @Test
    void hysteresisKeepsWarnUntilFivePointsBelowTheLevel() {
        raiseToWarn();
        assertEquals(WARN, memoryAt(6, 89).status());
        assertEquals(WARN, memoryAt(7, 86).status());
        Evaluation recovered = evaluate(8, 85);
        assertEquals(OK, recovered.check(CheckNames.MEMORY).orElseThrow().status());
        StatusChange back = only(recovered.changes(), CheckNames.MEMORY);
        assertEquals(WARN, back.from());
        assertEquals(OK, back.to());
        assertEquals("normal: 85 % used of 8 GB", back.detail());
    }

    @Test
    void valueOscillatingAroundTheLevelDoesNotFlap() {
        raiseToWarn();
        int changes = 0;
        for (int minute = 6; minute < 60; minute++) {
            double used = minute % 2 == 0 ? 89 : 91;
            Evaluation e = evaluate(minute, used);
            assertEquals(WARN, e.check(CheckNames.MEMORY).orElseThrow().status(), "minute " + minute);
            changes += e.changes().size();
        }
        assertEquals(0, changes);
    }

    @Test
    void critDropsToWarnWhenBetweenTheLevels() {
        for (int minute = 0; minute <= 5; minute++) {
            memoryAt(minute, 99);
        }
        assertEquals(CRIT, memoryAt(5, 99).status());
        assertEquals(CRIT, memoryAt(6, 93).status(), "within the margin of 97");
        assertEquals(WARN, memoryAt(7, 92).status());
        assertEquals(OK, memoryAt(8, 50).status());
    }

    @Test
    void missingMetricIsUnknownAndStartsTheRunOver() {
        raiseToWarn();
        Evaluation gone = evaluator.evaluate(Samples.atMinute(6).build());
        CheckReport memory = gone.check(CheckNames.MEMORY).orElseThrow();
        assertEquals(UNKNOWN, memory.status());
        assertEquals("not available", memory.value());
        assertEquals("not available", only(gone.changes(), CheckNames.MEMORY).detail());
        assertEquals(OK, memoryAt(7, 95).status(), "a new run of 5 minutes is needed");
        assertEquals(WARN, memoryAt(12, 95).status());
    }

    @Test
    void usedPercentIsWorkedOutFromAvailableBytesWhenMissing() {
        Evaluation e = evaluator.evaluate(Samples.atMinute(0)
                .with(Metric.MEM_TOTAL_BYTES, 4 * Samples.GB)
                .with(Metric.MEM_AVAILABLE_BYTES, Samples.GB)
                .build());
        assertEquals(
                "75 % used of 4 GB", e.check(CheckNames.MEMORY).orElseThrow().value());
    }

    private void raiseToWarn() {
        for (int minute = 0; minute <= 5; minute++) {
            memoryAt(minute, 95);
        }
        assertEquals(WARN, memoryAt(5, 95).status());
    }

    private CheckReport memoryAt(long minute, double usedPercent) {
        return evaluate(minute, usedPercent).check(CheckNames.MEMORY).orElseThrow();
    }

    private Evaluation evaluate(long minute, double usedPercent) {
        return evaluator.evaluate(Samples.atMinute(minute)
                .with(Metric.MEM_USED_PCT, usedPercent)
                .with(Metric.MEM_TOTAL_BYTES, 8 * Samples.GB)
                .build());
    }
}
