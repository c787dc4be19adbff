package bg.digiclub.collector.demo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import bg.digiclub.common.batch.Batch;
import bg.digiclub.common.batch.StrictJson;

/**
 * Every batch this module produces (synthetic demo and benchmark batches, the documented
 * examples) carries nothing that identifies a person or a PC: no addresses, host or user names,
 * URLs, and no time finer than the hour in usage.
 */
class PayloadPrivacyTest {
    private static final List<Pattern> FORBIDDEN = List.of(
            Pattern.compile("\\b\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\b"), // IPv4
            Pattern.compile("\\b[0-9a-fA-F]{2}([:-][0-9a-fA-F]{2}){5}\\b"), // MAC
            Pattern.compile("(?i)https?://|www\\."), // URL
            Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.]+"), // e-mail
            Pattern.compile("(?i)\"(host|hostname|user|username|ip|mac|serial|url|title|memberCode|pin)\""));

    private final ObjectMapper json = StrictJson.mapper();

    @Test
    void syntheticAndDocumentedBatchesCarryNothingIdentifying() throws Exception {
        List<String> payloads = new ArrayList<>();
        SyntheticBatches synthetic = new SyntheticBatches(new Random(5), "0.1.0");
        UUID device = UUID.randomUUID();
        for (int d = 0; d < 30; d++) {
            LocalDate day = LocalDate.parse("2026-10-01").plusDays(d);
            payloads.add(json.writeValueAsString(
                    synthetic.usage(device, "sz-rodina-1860", DemoClubs.SOFIA, day, 1, d + 1, 2.0)));
            payloads.add(json.writeValueAsString(
                    synthetic.health(device, "sz-rodina-1860", DemoClubs.SOFIA, day, d + 100, 96, d % 3 == 0)));
        }
        try (Stream<Path> examples = Files.list(Path.of("..", "docs", "examples"))) {
            for (Path example : examples.toList()) {
                if (example.toString().endsWith("batch.json")) {
                    payloads.add(Files.readString(example));
                }
            }
        }
        assertTrue(payloads.size() > 60);
        for (String payload : payloads) {
            for (Pattern pattern : FORBIDDEN) {
                assertFalse(pattern.matcher(payload).find(), pattern + " found in " + payload);
            }
            Batch batch = json.readValue(payload, Batch.class);
            JsonNode tree = json.readTree(payload);
            if (batch.usage() != null) {
                for (JsonNode hour : tree.get("usage").get("hours")) {
                    assertTrue(hour.get("hour").asText().endsWith(":00:00Z"), "usage times are whole hours: " + hour);
                }
            }
            assertOnlyKnownKeys(tree);
        }
    }

    /** The keys a batch may have, whatever its nesting: anything else would be a new, unreviewed field. */
    private static void assertOnlyKnownKeys(JsonNode node) {
        List<String> allowed = List.of(
                "schemaVersion",
                "batchId",
                "deviceId",
                "clubId",
                "agentVersion",
                "timeZone",
                "periodFrom",
                "periodTo",
                "sequence",
                "evicted",
                "usageBatches",
                "healthBatches",
                "kind",
                "usage",
                "health",
                "hours",
                "hour",
                "sessionsStarted",
                "guestSessions",
                "memberSessions",
                "sessionMinutes",
                "poweredOnMinutes",
                "days",
                "day",
                "sessions",
                "ageBand",
                "sex",
                "distinctMembers",
                "snapshots",
                "at",
                "overall",
                "checks",
                "name",
                "status",
                "worst",
                "minFreeDiskPercent",
                "maxCpuTemperatureCelsius",
                "alertCount",
                "uptimeMinutes",
                // issue 11: sessions per launcher tile category (docs/privacy.md), counts only
                "tileCategories",
                "category");
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                assertTrue(allowed.contains(field.getKey()), "unexpected field " + field.getKey());
                assertOnlyKnownKeys(field.getValue());
            }
        } else if (node.isArray()) {
            node.forEach(PayloadPrivacyTest::assertOnlyKnownKeys);
        }
    }
}
