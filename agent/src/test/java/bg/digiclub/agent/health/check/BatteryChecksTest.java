package bg.digiclub.agent.health.check;

import static bg.digiclub.agent.health.check.EvaluationAsserts.only;
import static bg.digiclub.common.health.HealthStatus.CRIT;
import static bg.digiclub.common.health.HealthStatus.OK;
import static bg.digiclub.common.health.HealthStatus.UNKNOWN;
import static bg.digiclub.common.health.HealthStatus.WARN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import bg.digiclub.agent.health.Metric;
import bg.digiclub.common.health.CheckReport;
import bg.digiclub.common.health.HealthStatus;

/** Battery charge (on battery: WARN below 20 %, CRIT below 10 %) and battery health (WARN below 60 %). */
class BatteryChecksTest {
    private final HealthEvaluator evaluator = new HealthEvaluator(HealthThresholds.defaults());

    @Test
    void chargeDrainingOnBatteryWarnsThenCrits() {
        assertEquals(OK, charge(0, 45, false).status());
        CheckReport warn = charge(10, 19, false);
        assertEquals(WARN, warn.status());
        assertEquals("19 %, on battery", warn.value());
        assertEquals(WARN, charge(20, 11, false).status());
        assertEquals(CRIT, charge(30, 9, false).status());
    }

    @Test
    void pluggingInClearsAtOnce() {
        charge(0, 8, false);
        Evaluation plugged = evaluate(1, 8, true);
        CheckReport report = plugged.check(CheckNames.BATTERY_CHARGE).orElseThrow();
        assertEquals(OK, report.status());
        assertEquals("8 %, on mains power", report.value());
        assertEquals(CRIT, only(plugged.changes(), CheckNames.BATTERY_CHARGE).from());
        assertEquals(CRIT, charge(2, 8, false).status(), "unplugged again while nearly empty");
    }

    @Test
    void lowChargeWithoutKnownPowerSourceIsStillJudged() {
        CheckReport report = evaluator
                .evaluate(
                        Samples.atMinute(0).with(Metric.BATTERY_CHARGE_PCT, 15).build())
                .check(CheckNames.BATTERY_CHARGE)
                .orElseThrow();
        assertEquals(WARN, report.status());
        assertEquals("15 %", report.value());
    }

    @Test
    void wornBatteryWarns() {
        Evaluation e = evaluator.evaluate(
                Samples.atMinute(0).with(Metric.BATTERY_HEALTH_PCT, 54).build());
        CheckReport health = e.check(CheckNames.BATTERY_HEALTH).orElseThrow();
        assertEquals(WARN, health.status());
        assertEquals("54 % of its capacity when new", health.value());
        assertEquals(
                "the battery is worn: plan to replace it: 54 % of its capacity when new (warning below 60 %)",
                only(e.changes(), CheckNames.BATTERY_HEALTH).detail());
        assertEquals(WARN, healthAt(1, 61.9), "clears only at 62 %");
        assertEquals(OK, healthAt(2, 62));
    }

    @Test
    void desktopWithoutBatteryIsNotAvailable() {
        Evaluation e = evaluator.evaluate(
                Samples.atMinute(0).with(Metric.MEM_USED_PCT, 40).build());
        for (String check : new String[] {CheckNames.BATTERY_CHARGE, CheckNames.BATTERY_HEALTH}) {
            CheckReport report = e.check(check).orElseThrow();
            assertEquals(UNKNOWN, report.status(), check);
            assertEquals("not available", report.value(), check);
        }
        assertEquals(OK, e.report().overall());
    }

    private HealthStatus healthAt(long minute, double percent) {
        return evaluator
                .evaluate(Samples.atMinute(minute)
                        .with(Metric.BATTERY_HEALTH_PCT, percent)
                        .build())
                .check(CheckNames.BATTERY_HEALTH)
                .orElseThrow()
                .status();
    }

    private CheckReport charge(long minute, double percent, boolean onAc) {
        return evaluate(minute, percent, onAc).check(CheckNames.BATTERY_CHARGE).orElseThrow();
    }

    private Evaluation evaluate(long minute, double percent, boolean onAc) {
        return evaluator.evaluate(Samples.atMinute(minute)
                .with(Metric.BATTERY_CHARGE_PCT, percent)
                .with(Metric.BATTERY_ON_AC, onAc ? 1 : 0)
                .build());
    }
}
