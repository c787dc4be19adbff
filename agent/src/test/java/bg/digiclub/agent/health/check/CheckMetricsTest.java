package bg.digiclub.agent.health.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class CheckMetricsTest {
    @Test
    void everyCheckNameLeadsToTheMetricItJudges() {
        assertEquals(Optional.of("fs./home.free_pct"), CheckMetrics.metricOf("disk:/home"));
        assertEquals(Optional.of("disk.sda.smart_ok"), CheckMetrics.metricOf("smart:sda"));
        assertEquals(Optional.of("fan.2.rpm"), CheckMetrics.metricOf("fan:2"));
        assertEquals(Optional.of("cpu.temperature_c"), CheckMetrics.metricOf("cpu-temperature"));
        assertEquals(Optional.of("mem.used_pct"), CheckMetrics.metricOf("memory"));
        assertEquals(Optional.of("uptime.s"), CheckMetrics.metricOf("uptime"));
        assertEquals(Optional.empty(), CheckMetrics.metricOf("fan:x"));
        assertEquals(Optional.empty(), CheckMetrics.metricOf("no-such-check"));
    }
}
