package bg.digiclub.agent.health.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class HealthThresholdsTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        HealthThresholds d = HealthThresholds.defaults();
        assertEquals(Levels.warnAndCrit(10, 5, 2, Duration.ZERO), d.diskFreePercent());
        assertEquals(Levels.warnAndCrit(80, 90, 5, Duration.ofMinutes(1)), d.cpuTemperatureC());
        assertEquals(Levels.warnAndCrit(90, 97, 5, Duration.ofMinutes(5)), d.memoryUsedPercent());
        assertEquals(Levels.warnOnly(80, 10, Duration.ofMinutes(10)), d.swapUsedPercent());
        assertEquals(Levels.warnOnly(60, 2, Duration.ZERO), d.batteryHealthPercent());
        assertEquals(Levels.warnAndCrit(20, 10, 5, Duration.ZERO), d.batteryChargePercent());
        assertEquals(Levels.warnOnly(14, 0, Duration.ZERO), d.uptimeDays());
        assertEquals(Duration.ZERO, d.smartMinDuration());
        assertEquals(new FanRule(100, 50, Duration.ofMinutes(2)), d.fan());
    }

    @Test
    void builderChangesOnlyWhatIsSet() {
        HealthThresholds changed = HealthThresholds.builder()
                .uptimeDays(Levels.warnOnly(30, 0, Duration.ZERO))
                .build();
        assertEquals(30, changed.uptimeDays().warn());
        assertEquals(HealthThresholds.defaults().diskFreePercent(), changed.diskFreePercent());
        assertEquals(changed, changed.toBuilder().build());
    }

    @Test
    void critOnTheWrongSideOfWarnNamesTheField() {
        assertMessage(
                "memoryUsedPercent.crit must be above memoryUsedPercent.warn",
                () -> HealthThresholds.builder()
                        .memoryUsedPercent(Levels.warnAndCrit(90, 85, 5, Duration.ZERO))
                        .build());
        assertMessage(
                "diskFreePercent.crit must be below diskFreePercent.warn",
                () -> HealthThresholds.builder()
                        .diskFreePercent(Levels.warnAndCrit(10, 10, 2, Duration.ZERO))
                        .build());
    }

    @Test
    void valuesOutOfRangeNameTheField() {
        assertMessage(
                "diskFreePercent.warn must be between 0 and 100, got 120",
                () -> HealthThresholds.builder()
                        .diskFreePercent(Levels.warnOnly(120, 0, Duration.ZERO))
                        .build());
        assertMessage(
                "batteryChargePercent.crit must be between 0 and 100",
                () -> HealthThresholds.builder()
                        .batteryChargePercent(Levels.warnAndCrit(20, -1, 0, Duration.ZERO))
                        .build());
        assertMessage(
                "cpuTemperatureC.warn must be between 0 and 150, got NaN",
                () -> HealthThresholds.builder()
                        .cpuTemperatureC(Levels.warnOnly(Double.NaN, 0, Duration.ZERO))
                        .build());
    }

    @Test
    void badMarginsNameTheField() {
        assertMessage(
                "cpuTemperatureC.clearMargin must be 0 or more",
                () -> HealthThresholds.builder()
                        .cpuTemperatureC(Levels.warnAndCrit(80, 90, -1, Duration.ZERO))
                        .build());
        // WARN below 10 % free clearing only at 105 % free would never clear
        assertMessage(
                "diskFreePercent.clearMargin (95) puts the level where WARN clears at 105, outside 0..100",
                () -> HealthThresholds.builder()
                        .diskFreePercent(Levels.warnAndCrit(10, 5, 95, Duration.ZERO))
                        .build());
    }

    @Test
    void badDurationsNameTheField() {
        assertMessage(
                "memoryUsedPercent.minDuration must not be negative",
                () -> HealthThresholds.builder()
                        .memoryUsedPercent(Levels.warnOnly(90, 5, Duration.ofMinutes(-1)))
                        .build());
        assertMessage(
                "smartMinDuration must not be negative",
                () -> HealthThresholds.builder()
                        .smartMinDuration(Duration.ofSeconds(-5))
                        .build());
        NullPointerException missing = assertThrows(
                NullPointerException.class,
                () -> HealthThresholds.builder()
                        .uptimeDays(Levels.warnOnly(14, 0, null))
                        .build());
        assertEquals("uptimeDays.minDuration", missing.getMessage());
    }

    @Test
    void missingLevelsNameTheField() {
        NullPointerException e = assertThrows(
                NullPointerException.class,
                () -> HealthThresholds.builder().swapUsedPercent(null).build());
        assertEquals("swapUsedPercent", e.getMessage());
        NullPointerException crit = assertThrows(
                NullPointerException.class,
                () -> HealthThresholds.builder()
                        .swapUsedPercent(new Levels(80, null, 0, Duration.ZERO))
                        .build());
        assertEquals("swapUsedPercent.crit", crit.getMessage());
    }

    @Test
    void badFanRuleNamesTheField() {
        assertMessage(
                "fan.stoppedBelowRpm must be above 0",
                () -> HealthThresholds.builder()
                        .fan(new FanRule(0, 50, Duration.ZERO))
                        .build());
        assertMessage(
                "fan.quietBelowC must be between 0 and 150",
                () -> HealthThresholds.builder()
                        .fan(new FanRule(100, 500, Duration.ZERO))
                        .build());
        assertMessage(
                "fan.minDuration must not be negative",
                () -> HealthThresholds.builder()
                        .fan(new FanRule(100, 50, Duration.ofMinutes(-2)))
                        .build());
    }

    @Test
    void warnOnlyLevelsHaveNoCrit() {
        assertEquals(
                OptionalDouble.empty(), Levels.warnOnly(60, 2, Duration.ZERO).crit());
    }

    private static void assertMessage(String expectedStart, Executable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        assertTrue(
                e.getMessage().startsWith(expectedStart),
                () -> "message should start with '" + expectedStart + "' but was '" + e.getMessage() + "'");
    }
}
