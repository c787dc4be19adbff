package bg.digiclub.agent.health.check;

import static bg.digiclub.agent.health.check.EvaluationAsserts.only;
import static bg.digiclub.agent.health.check.EvaluationAsserts.statusOf;
import static bg.digiclub.common.health.HealthStatus.CRIT;
import static bg.digiclub.common.health.HealthStatus.OK;
import static bg.digiclub.common.health.HealthStatus.UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import bg.digiclub.agent.health.Metric;
import bg.digiclub.agent.health.StatusChange;

/** SMART: CRIT per disk when the self-assessment fails; UNKNOWN where there is no SMART result. */
class SmartCheckTest {

    @Test
    void failedDiskIsCritAtOnceAndOthersStayOk() {
        HealthEvaluator evaluator = new HealthEvaluator(HealthThresholds.defaults());
        Evaluation e = evaluator.evaluate(Samples.atMinute(0)
                .with(Metric.diskSmartOk("sda"), 0)
                .with(Metric.diskSmartOk("nvme0n1"), 1)
                .build());
        assertEquals(CRIT, statusOf(e, "smart:sda"));
        assertEquals("failed", e.check("smart:sda").orElseThrow().value());
        assertEquals(OK, statusOf(e, "smart:nvme0n1"));
        assertEquals("passed", e.check("smart:nvme0n1").orElseThrow().value());
        assertEquals(Map.of("smartOk", 0.0), e.check("smart:sda").orElseThrow().facts());
        assertEquals(
                Map.of("smartOk", 1.0), e.check("smart:nvme0n1").orElseThrow().facts());
        StatusChange change = only(e.changes(), "smart:sda");
        assertTrue(change.detail().startsWith("the disk is failing"), change.detail());
        assertEquals(CRIT, e.report().overall());
    }

    @Test
    void diskWithoutSmartResultIsUnknown() {
        HealthEvaluator evaluator = new HealthEvaluator(HealthThresholds.defaults());
        Evaluation e = evaluator.evaluate(
                Samples.atMinute(0).with(Metric.diskReadBps("sdb"), 1200).build());
        assertEquals(UNKNOWN, statusOf(e, "smart:sdb"));
        assertEquals("not available", e.check("smart:sdb").orElseThrow().value());
        assertEquals(
                Map.of("available", 0.0), e.check("smart:sdb").orElseThrow().facts());
    }

    @Test
    void minimumDurationDelaysCrit() {
        HealthEvaluator evaluator = new HealthEvaluator(HealthThresholds.builder()
                .smartMinDuration(Duration.ofMinutes(10))
                .build());
        assertEquals(OK, statusOf(failing(evaluator, 0), "smart:sda"));
        assertEquals(OK, statusOf(failing(evaluator, 9), "smart:sda"));
        assertEquals(CRIT, statusOf(failing(evaluator, 10), "smart:sda"));
    }

    @Test
    void unpluggedDiskIsDropped() {
        HealthEvaluator evaluator = new HealthEvaluator(HealthThresholds.defaults());
        failing(evaluator, 0);
        Evaluation gone = evaluator.evaluate(Samples.atMinute(1).build());
        assertTrue(gone.check("smart:sda").isEmpty());
        assertEquals(UNKNOWN, only(gone.changes(), "smart:sda").to());
    }

    private static Evaluation failing(HealthEvaluator evaluator, long minute) {
        return evaluator.evaluate(
                Samples.atMinute(minute).with(Metric.diskSmartOk("sda"), 0).build());
    }
}
