package bg.digiclub.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import bg.digiclub.agent.health.HealthRound;
import bg.digiclub.agent.health.HealthSample;
import bg.digiclub.agent.health.Metric;
import bg.digiclub.common.health.CheckReport;
import bg.digiclub.common.health.HealthReport;
import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.testsupport.PrometheusSamples;
import bg.digiclub.testsupport.Promtool;

class AgentMetricsTextTest {
    private static final Instant NOW = Instant.parse("2026-12-05T09:30:10Z");

    private static final HealthReport REPORT = new HealthReport(
            HealthStatus.CRIT,
            Instant.parse("2026-12-05T09:30:00Z"),
            List.of(
                    new CheckReport("disk:/", HealthStatus.WARN, "9 % free", null, Map.of("freePercent", 9.0)),
                    new CheckReport(
                            "disk:/srv/Ivanova-archive",
                            HealthStatus.OK,
                            "60 % free",
                            null,
                            Map.of("freePercent", 60.0)),
                    new CheckReport("smart:sda", HealthStatus.CRIT, "FAILED", null, Map.of("smartOk", 0.0)),
                    new CheckReport("cpu-temperature", HealthStatus.UNKNOWN, "not available", null),
                    new CheckReport("memory", HealthStatus.OK, "41 % used", null, Map.of("percent", 41.5)),
                    new CheckReport("uptime", HealthStatus.OK, "3 days", null, Map.of("seconds", 259_200.0))));

    /** The sample {@link #REPORT} was judged from; the temperature sensor reads 0: there is none. */
    private static final HealthSample SAMPLE = new HealthSample(
            Instant.parse("2026-12-05T09:30:00Z"),
            Map.of(
                    Metric.CPU_LOAD_PCT,
                    12.5,
                    Metric.MEM_USED_PCT,
                    41.5,
                    Metric.fsFreePct("/"),
                    9.0,
                    Metric.fsFreePct("/srv/Ivanova-archive"),
                    60.0,
                    Metric.CPU_TEMPERATURE_C,
                    0.0,
                    Metric.UPTIME_S,
                    259_200.0),
            List.of(),
            List.of());

    private static final HealthRound ROUND = new HealthRound(REPORT, Optional.of(SAMPLE));

    @Test
    void eachCheckIsItsNagiosNumberAndTheValuesAreThePcs() throws Exception {
        RoundFigures figures = new RoundFigures(
                ROUND, Optional.of(new RoundFigures.UploadFigures(3, Optional.of(NOW.minusSeconds(600)))), true, NOW);

        String text = AgentMetricsText.render(figures, "0.1.0");
        Map<String, Double> samples = PrometheusSamples.of(text);

        assertEquals(1.0, samples.get("digiclub_check_status{check=\"disk:/\"}"));
        assertEquals(2.0, samples.get("digiclub_check_status{check=\"smart:sda\"}"));
        assertEquals(3.0, samples.get("digiclub_check_status{check=\"cpu-temperature\"}"));
        assertEquals(0.0, samples.get("digiclub_check_status{check=\"memory\"}"));
        assertEquals(2.0, samples.get("digiclub_health_status"));
        assertEquals(12.5, samples.get("digiclub_cpu_load_percent"));
        assertEquals(41.5, samples.get("digiclub_memory_used_percent"));
        assertEquals(9.0, samples.get("digiclub_disk_free_percent{mount=\"/\"}"));
        assertEquals(259_200.0, samples.get("digiclub_pc_uptime_seconds"));
        assertEquals(3.0, samples.get("digiclub_outbox_batches"));
        assertEquals(600.0, samples.get("digiclub_upload_last_success_age_seconds"));
        assertEquals(1.0, samples.get("digiclub_session_open"));
        assertEquals((double) NOW.getEpochSecond(), samples.get("digiclub_last_round_timestamp_seconds"));
        assertEquals(1.0, samples.get("digiclub_agent_build_info{version=\"0.1.0\"}"));
        assertFalse(samples.containsKey("digiclub_cpu_temperature_celsius"), "a sensor the PC lacks has no value");
        Promtool.Verdict verdict = Promtool.checkMetrics(text);
        assertTrue(verdict.clean(), verdict + "\n" + text);
    }

    @Test
    void aMountSomeoneNamedIsWrittenAsOtherAndNeverByItsName() {
        String text = AgentMetricsText.render(new RoundFigures(ROUND, Optional.empty(), false, NOW), "0.1.0");
        Map<String, Double> samples = PrometheusSamples.of(text);

        assertFalse(text.contains("Ivanova"), text);
        assertEquals(0.0, samples.get("digiclub_check_status{check=\"disk:other-1\"}"));
        assertEquals(60.0, samples.get("digiclub_disk_free_percent{mount=\"other-1\"}"));
        assertFalse(samples.containsKey("digiclub_outbox_batches"), "no collector configured");
        assertEquals(0.0, samples.get("digiclub_session_open"));
    }

    @Test
    void aRoundWhoseSampleFailedShowsTheStatusesButNoStaleValues() throws Exception {
        // the last report again (its checks still hold the last values as facts), with the sampling warning
        HealthReport again = new HealthReport(
                HealthStatus.CRIT,
                REPORT.sampledAt(),
                Stream.concat(
                                Stream.of(new CheckReport(
                                        "sampling", HealthStatus.WARN, "no fresh sample: timed out", NOW)),
                                REPORT.checks().stream())
                        .toList());

        String text = AgentMetricsText.render(
                new RoundFigures(new HealthRound(again, Optional.empty()), Optional.empty(), false, NOW), "0.1.0");
        Map<String, Double> samples = PrometheusSamples.of(text);

        assertEquals(1.0, samples.get("digiclub_check_status{check=\"sampling\"}"));
        assertEquals(1.0, samples.get("digiclub_check_status{check=\"disk:/\"}"));
        assertEquals(2.0, samples.get("digiclub_health_status"));
        for (String value : List.of(
                "digiclub_cpu_load_percent",
                "digiclub_memory_used_percent",
                "digiclub_disk_free_percent",
                "digiclub_cpu_temperature_celsius",
                "digiclub_pc_uptime_seconds")) {
            assertFalse(text.contains(value), value + " of the last sample shown as current:\n" + text);
        }
        assertEquals((double) NOW.getEpochSecond(), samples.get("digiclub_last_round_timestamp_seconds"));
        Promtool.Verdict verdict = Promtool.checkMetrics(text);
        assertTrue(verdict.clean(), verdict + "\n" + text);
    }

    @Test
    void aPcThatNeverDeliveredIsInfinitelyLate() {
        String text = AgentMetricsText.render(
                new RoundFigures(ROUND, Optional.of(new RoundFigures.UploadFigures(0, Optional.empty())), false, NOW),
                "0.1.0");

        assertTrue(text.contains("\ndigiclub_upload_last_success_age_seconds +Inf\n"), text);
    }

    @Test
    void systemMountsAndDrivesKeepTheirNames() {
        assertEquals(
                Map.of("/", "/", "/home", "/home", "C:\\", "C:\\", "/data/b", "other-2", "/data/a", "other-1"),
                MountLabels.of(List.of("/data/b", "/", "C:\\", "/home", "/data/a")));
    }
}
