package bg.digiclub.common.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

/** A check report carries facts beside its English words, and still reads JSON written before facts. */
class CheckReportJsonTest {
    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void jsonOfAnOlderAgentWithoutFactsReadsAsNoFacts() throws IOException {
        CheckReport report = json.readValue(
                "{\"name\":\"disk:/\",\"status\":\"WARN\",\"value\":\"7 % free\",\"since\":\"2026-11-25T08:00:00Z\"}",
                CheckReport.class);
        assertEquals(new CheckReport("disk:/", HealthStatus.WARN, "7 % free", T0), report);
        assertEquals(Map.of(), report.facts());
    }

    @Test
    void factsSurviveARoundTrip() throws IOException {
        CheckReport report = new CheckReport(
                "disk:/",
                HealthStatus.WARN,
                "7 % free of 237 GB",
                T0,
                Map.of("freePercent", 7.0, "totalBytes", 2.54e11));
        assertEquals(report, json.readValue(json.writeValueAsString(report), CheckReport.class));
    }

    @Test
    void nullFactsAreEmptyAndFactsAreCopied() {
        assertEquals(Map.of(), new CheckReport("memory", HealthStatus.OK, "x", T0, null).facts());
        Map<String, Double> facts = new HashMap<>(Map.of("percent", 40.0));
        CheckReport report = new CheckReport("memory", HealthStatus.OK, "40 % used", T0, facts);
        facts.put("percent", 99.0);
        assertEquals(40.0, report.facts().get("percent"));
        assertThrows(UnsupportedOperationException.class, () -> report.facts().put("x", 1.0));
    }
}
