package bg.digiclub.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import bg.digiclub.agent.metrics.StatusCode;
import bg.digiclub.common.health.CheckReport;
import bg.digiclub.common.health.HealthReport;
import bg.digiclub.common.health.HealthStatus;

class MonitoringCheckTest {
    @Test
    void failingChecksComeFirstAndSensorsThePcLacksAreNamedApart() {
        HealthReport report = new HealthReport(
                HealthStatus.WARN,
                Instant.parse("2026-12-05T09:00:00Z"),
                List.of(
                        new CheckReport("memory", HealthStatus.OK, "41% used", null),
                        new CheckReport("disk:/", HealthStatus.WARN, "92% used", null),
                        new CheckReport("cpu-temperature", HealthStatus.UNKNOWN, "not available", null),
                        new CheckReport("battery-charge", HealthStatus.UNKNOWN, "not available", null)));

        MonitoringCheck check = MonitoringCheck.of(report);

        assertEquals(
                "DIGICLUB WARN - disk:/ WARN (92% used); not measured: cpu-temperature, battery-charge", check.line());
        assertEquals(StatusCode.WARN, check.status());
    }

    @Test
    void aPcWithoutSomeSensorsIsOkAndSaysWhichItLacks() {
        HealthReport report = new HealthReport(
                HealthStatus.OK,
                Instant.parse("2026-12-05T09:00:00Z"),
                List.of(
                        new CheckReport("memory", HealthStatus.OK, "41% used", null),
                        new CheckReport("swap", HealthStatus.UNKNOWN, "not available", null)));

        assertEquals(
                new MonitoringCheck(
                        "DIGICLUB OK - 1 of 2 checks OK, none WARN or CRIT; not measured: swap", StatusCode.OK),
                MonitoringCheck.of(report));
    }
}
