package bg.digiclub.agent.health.check;

import static bg.digiclub.agent.health.check.EvaluationAsserts.only;
import static bg.digiclub.common.health.HealthStatus.OK;
import static bg.digiclub.common.health.HealthStatus.WARN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import bg.digiclub.agent.health.Metric;
import bg.digiclub.agent.health.StatusChange;
import bg.digiclub.common.health.CheckReport;

/** Uptime: WARN "restart recommended" after 14 days. */
class UptimeCheckTest {
    private final HealthEvaluator evaluator = new HealthEvaluator(HealthThresholds.defaults());

    @Test
    void fourteenDaysIsOkAndOneMoreHourRecommendsARestart() {
        Duration fourteenDays = Duration.ofDays(14);
        CheckReport ok =
                uptimeAt(Duration.ZERO, fourteenDays).check(CheckNames.UPTIME).orElseThrow();
        assertEquals(OK, ok.status());
        assertEquals("14 days since restart", ok.value());
        assertEquals(Map.of("seconds", (double) fourteenDays.toSeconds()), ok.facts());

        Evaluation later = uptimeAt(Duration.ofHours(1), fourteenDays.plusHours(1));
        assertEquals(WARN, later.check(CheckNames.UPTIME).orElseThrow().status());
        StatusChange change = only(later.changes(), CheckNames.UPTIME);
        assertTrue(change.detail().startsWith("restart recommended: 14 days since restart"), change.detail());
        assertTrue(change.detail().endsWith("(warning above 14 days)"), change.detail());
    }

    @Test
    void restartClearsTheWarning() {
        uptimeAt(Duration.ZERO, Duration.ofDays(20));
        Evaluation restarted = uptimeAt(Duration.ofMinutes(10), Duration.ofMinutes(3));
        CheckReport uptime = restarted.check(CheckNames.UPTIME).orElseThrow();
        assertEquals(OK, uptime.status());
        assertEquals("3 minutes since restart", uptime.value());
        assertEquals(WARN, only(restarted.changes(), CheckNames.UPTIME).from());
    }

    @Test
    void shortUptimesReadInHours() {
        assertEquals(
                "26 hours since restart",
                uptimeAt(Duration.ZERO, Duration.ofHours(26).plusMinutes(40))
                        .check(CheckNames.UPTIME)
                        .orElseThrow()
                        .value());
    }

    private Evaluation uptimeAt(Duration offset, Duration uptime) {
        return evaluator.evaluate(
                Samples.at(offset).with(Metric.UPTIME_S, uptime.toSeconds()).build());
    }
}
