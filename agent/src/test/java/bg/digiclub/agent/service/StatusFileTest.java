package bg.digiclub.agent.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import bg.digiclub.common.health.CheckReport;
import bg.digiclub.common.health.HealthReport;
import bg.digiclub.common.health.HealthStatus;

class StatusFileTest {
    private static final Instant AT = Instant.parse("2026-11-25T08:00:10.123456Z");

    @TempDir
    Path dataDir;

    private static HealthReport report() {
        return new HealthReport(
                HealthStatus.WARN,
                AT,
                List.of(
                        new CheckReport(
                                "disk:/",
                                HealthStatus.WARN,
                                "7 % free of 252 GB",
                                AT.minusSeconds(600),
                                Map.of("freePercent", 7.25, "freeBytes", 1.8e10, "totalBytes", 2.52e11)),
                        new CheckReport(
                                "fan:1 \"CPU\" \\ tab\there", HealthStatus.UNKNOWN, "line\nbreak \u0001 café", null),
                        new CheckReport(
                                "uptime", HealthStatus.OK, "2 hours since restart", AT, Map.of("seconds", 7200.0))));
    }

    @Test
    void whatIsWrittenReadsBackAsTheSameReport() throws Exception {
        StatusFile file = new StatusFile(dataDir);
        file.write(report());
        assertEquals(
                report(),
                file.readFresh(AT.plusSeconds(5), Duration.ofMinutes(1)).orElseThrow());
    }

    @Test
    void aNewerReportReplacesTheOlderOne() throws Exception {
        StatusFile file = new StatusFile(dataDir);
        file.write(report());
        // one check keeps its time, one changes, one is new
        HealthReport newer = new HealthReport(
                HealthStatus.OK,
                AT.plusSeconds(10),
                List.of(
                        new CheckReport("disk:/", HealthStatus.OK, "30 % free of 252 GB", AT.plusSeconds(10)),
                        new CheckReport("uptime", HealthStatus.OK, "2 hours since restart", AT),
                        new CheckReport("memory", HealthStatus.OK, "3 % used", AT.minusSeconds(600))));
        file.write(newer);
        assertEquals(
                newer, file.readFresh(AT.plusSeconds(15), Duration.ofMinutes(1)).orElseThrow());
        file.write(report());
        assertEquals(
                report(),
                file.readFresh(AT.plusSeconds(15), Duration.ofMinutes(1)).orElseThrow());
        assertEquals(
                List.of(StatusFile.FILE_NAME),
                Files.list(dataDir).map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void isPlainJsonWithIsoTimesAndNumericFacts() throws Exception {
        JsonNode json = new ObjectMapper().readTree(StatusFile.toJson(report()));
        assertEquals("WARN", json.get("overall").asText());
        assertEquals("2026-11-25T08:00:10.123456Z", json.get("sampledAt").asText());
        assertEquals(3, json.get("checks").size());
        assertTrue(json.get("checks").get(0).get("facts").get("freeBytes").isNumber());
        assertEquals(
                1.8e10, json.get("checks").get(0).get("facts").get("freeBytes").asDouble());
        assertTrue(json.get("checks").get(1).get("since").isNull());
        assertEquals(
                "line\nbreak \u0001 café",
                json.get("checks").get(1).get("value").asText());
    }

    @Test
    void anEmptyReportIsValidJsonToo() throws Exception {
        HealthReport empty = new HealthReport(HealthStatus.UNKNOWN, AT, List.of());
        StatusFile file = new StatusFile(dataDir);
        file.write(empty);
        assertEquals(empty, file.readFresh(AT, Duration.ofMinutes(1)).orElseThrow());
    }

    @Test
    void wholeNumbersAreWrittenAsIntegersAndEveryFactReadsBackExactly() throws Exception {
        Map<String, Double> facts = Map.of(
                "totalBytes",
                270_553_174_016.0,
                "freePercent",
                30.705965742278465,
                "celsius",
                -3.0,
                "huge",
                1.0e20,
                "available",
                0.0);
        HealthReport r = new HealthReport(
                HealthStatus.OK,
                AT,
                List.of(new CheckReport("disk:/", HealthStatus.OK, "30.7 % free of 252 GB", AT, facts)));
        String json = StatusFile.toJson(r);
        assertTrue(json.contains("\"totalBytes\" : 270553174016"), json);
        assertTrue(json.contains("\"celsius\" : -3\n") || json.contains("\"celsius\" : -3,"), json);
        StatusFile file = new StatusFile(dataDir);
        file.write(r);
        assertEquals(
                facts,
                file.readFresh(AT, Duration.ofMinutes(1))
                        .orElseThrow()
                        .checks()
                        .get(0)
                        .facts());
    }

    @Test
    void aFactThatIsNotANumberIsLeftOut() throws Exception {
        HealthReport odd = new HealthReport(
                HealthStatus.OK,
                AT,
                List.of(new CheckReport(
                        "cpu-temperature",
                        HealthStatus.UNKNOWN,
                        "not available",
                        AT,
                        Map.of("celsius", Double.NaN, "available", 0.0))));
        StatusFile file = new StatusFile(dataDir);
        file.write(odd);
        assertEquals(
                Map.of("available", 0.0),
                file.readFresh(AT, Duration.ofMinutes(1))
                        .orElseThrow()
                        .checks()
                        .get(0)
                        .facts());
    }
}
