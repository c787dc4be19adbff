package bg.digiclub.common.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Sex;
import bg.digiclub.common.link.TileCategory;

/** The batch contract reads its own documented examples and refuses what the protocol forbids. */
class BatchContractTest {
    private static final Path EXAMPLES = Path.of("..", "docs", "examples");
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void usageExampleReadsAndWritesBackTheSameJson() throws IOException {
        Batch batch = roundTrip("usage-batch.json", Batch.class);
        assertEquals(BatchKind.USAGE, batch.kind());
        assertEquals(
                8,
                batch.usage().hours().stream()
                        .mapToInt(HourUsage::sessionsStarted)
                        .sum());
        assertEquals(8, batch.usage().days().get(0).totalSessions());
        assertEquals(3, batch.evicted().healthBatches());
        assertEquals(
                List.of(
                        new TileCategoryCount(TileCategory.E_GOVERNMENT, 2),
                        new TileCategoryCount(TileCategory.LEARNING, 3),
                        new TileCategoryCount(TileCategory.BROWSING, 5)),
                batch.usage().days().get(0).tileCategories());
    }

    @Test
    void aDayFromAnAgentWithoutTileCategoriesCountsNoneAndIsWrittenAsBefore() throws IOException {
        JsonNode tree = json.readTree(EXAMPLES.resolve("usage-batch.json").toFile());
        ((ObjectNode) tree.get("usage").get("days").get(0)).remove("tileCategories");
        Batch batch = json.treeToValue(tree, Batch.class);
        assertEquals(List.of(), batch.usage().days().get(0).tileCategories());
        // empty is not written: the canonical form (and its hash at the collector) of a batch
        // stored before the field existed stays the same, so its replay is still recognised
        assertTrue(!json.writeValueAsString(batch).contains("tileCategories"));
        assertEquals(normalise(tree), normalise(json.valueToTree(batch)));
    }

    @Test
    void aTileCategoryAppearsOnceAndCountsNoMoreThanTheDaysSessions() {
        List<DemographicCount> three = List.of(new DemographicCount(AgeBand.AGE_65_74, Sex.FEMALE, 3));
        LocalDate day = LocalDate.parse("2026-11-24");
        TileCategoryCount learning = new TileCategoryCount(TileCategory.LEARNING, 2);
        new DayUsage(day, three, 0, List.of(learning, new TileCategoryCount(TileCategory.E_GOVERNMENT, 3)));
        IllegalArgumentException twice = assertThrows(
                IllegalArgumentException.class, () -> new DayUsage(day, three, 0, List.of(learning, learning)));
        assertTrue(twice.getMessage().contains("tileCategories"), twice.getMessage());
        IllegalArgumentException tooMany = assertThrows(
                IllegalArgumentException.class,
                () -> new DayUsage(day, three, 0, List.of(new TileCategoryCount(TileCategory.LEARNING, 4))));
        assertTrue(tooMany.getMessage().contains("LEARNING"), tooMany.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TileCategoryCount(TileCategory.HEALTH, 0));
        assertThrows(NullPointerException.class, () -> new TileCategoryCount(null, 1));
    }

    @Test
    void healthExampleReadsAndWritesBackTheSameJson() throws IOException {
        Batch batch = roundTrip("health-batch.json", Batch.class);
        assertEquals(HealthStatus.WARN, batch.health().snapshots().get(0).overall());
        assertEquals("disk:/", batch.health().days().get(0).worst().get(0).name());
    }

    @Test
    void otherExamplesRead() throws IOException {
        roundTrip("enrolment-request.json", EnrolmentRequest.class);
        roundTrip("enrolment-response.json", EnrolmentResponse.class);
        roundTrip("batch-receipt.json", BatchReceipt.class);
        roundTrip("problem.json", Problem.class);
    }

    @Test
    void unknownFieldIsRefusedByAStrictReader() throws IOException {
        String text = Files.readString(EXAMPLES.resolve("usage-batch.json"))
                .replace("\"sessionMinutes\": 48,", "\"sessionMinutes\": 48, \"hostName\": \"pc-3\",");
        assertThrows(UnrecognizedPropertyException.class, () -> json.readValue(text, Batch.class));
    }

    @Test
    void brokenInvariantNamesTheField() throws IOException {
        String text = Files.readString(EXAMPLES.resolve("usage-batch.json"))
                .replace("\"sessionMinutes\": 48,", "\"sessionMinutes\": 61,");
        ValueInstantiationException e =
                assertThrows(ValueInstantiationException.class, () -> json.readValue(text, Batch.class));
        assertTrue(e.getCause().getMessage().contains("sessionMinutes must be between 0 and 60"), e.getMessage());
    }

    @Test
    void guestPlusMemberMustEqualSessionsStarted() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new HourUsage(Instant.parse("2026-11-24T08:00:00Z"), 3, 1, 1, 20, 60));
        assertTrue(e.getMessage().contains("sessionsStarted"), e.getMessage());
    }

    @Test
    void exactSessionTimesCannotBeExpressed() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new HourUsage(Instant.parse("2026-11-24T08:17:00Z"), 1, 1, 0, 20, 60));
    }

    @Test
    void hourOutsideThePeriodIsRefused() {
        UsagePayload usage = new UsagePayload(
                List.of(new HourUsage(Instant.parse("2026-11-25T08:00:00Z"), 1, 1, 0, 20, 60)), List.of());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Batch.usage(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        "sz-rodina-1860",
                        "0.1.0",
                        "Europe/Sofia",
                        Instant.parse("2026-11-23T22:00:00Z"),
                        Instant.parse("2026-11-24T22:00:00Z"),
                        1,
                        Evictions.NONE,
                        usage));
        assertTrue(e.getMessage().contains("outside the period"), e.getMessage());
    }

    @Test
    void payloadMustMatchKind() {
        HealthPayload health = new HealthPayload(List.of(), List.of());
        assertThrows(
                IllegalArgumentException.class,
                () -> new Batch(
                        1,
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        "sz-rodina-1860",
                        "0.1.0",
                        "Europe/Sofia",
                        Instant.parse("2026-11-24T22:00:00Z"),
                        Instant.parse("2026-11-24T22:15:00Z"),
                        1,
                        Evictions.NONE,
                        BatchKind.USAGE,
                        null,
                        health));
    }

    @Test
    void demographicCellAppearsOnce() {
        DemographicCount cell = new DemographicCount(AgeBand.AGE_65_74, Sex.FEMALE, 2);
        assertThrows(
                IllegalArgumentException.class,
                () -> new DayUsage(LocalDate.parse("2026-11-24"), List.of(cell, cell), 0, List.of()));
    }

    @Test
    void checkNamesAreShortMachineNames() {
        new CheckStatus("disk:C:\\", HealthStatus.OK);
        new CheckStatus("disk:/", HealthStatus.OK);
        assertThrows(IllegalArgumentException.class, () -> new CheckStatus("disk:/home/иван", HealthStatus.OK));
        assertThrows(IllegalArgumentException.class, () -> new CheckStatus("Disk C", HealthStatus.OK));
    }

    @Test
    void secretsStayOutOfToString() throws IOException {
        EnrolmentRequest request = read("enrolment-request.json", EnrolmentRequest.class);
        EnrolmentResponse response = read("enrolment-response.json", EnrolmentResponse.class);
        assertTrue(!request.toString().contains(request.enrolmentCode()));
        assertTrue(!response.toString().contains(response.token()));
    }

    @Test
    void noFieldNameHintsAtPersonalOrIdentifyingData() {
        List<Class<?>> contract = List.of(
                Batch.class,
                Evictions.class,
                UsagePayload.class,
                HourUsage.class,
                DayUsage.class,
                DemographicCount.class,
                TileCategoryCount.class,
                HealthPayload.class,
                HealthSnapshot.class,
                HealthDay.class,
                CheckStatus.class,
                EnrolmentRequest.class,
                EnrolmentResponse.class,
                BatchReceipt.class,
                Problem.class);
        List<String> forbidden = List.of(
                "host",
                "user",
                "ip",
                "mac",
                "serial",
                "url",
                "member code",
                "membercode",
                "pin",
                "title",
                "start time",
                "startedat",
                "address",
                "window");
        for (Class<?> type : contract) {
            for (var component : type.getRecordComponents()) {
                String name = component.getName().toLowerCase();
                for (String word : forbidden) {
                    assertTrue(
                            !name.equals(word) && !name.contains(word.replace(" ", "")),
                            type.getSimpleName() + "." + component.getName() + " looks like " + word);
                }
            }
        }
    }

    private <T> T read(String example, Class<T> type) throws IOException {
        return json.readValue(EXAMPLES.resolve(example).toFile(), type);
    }

    private <T> T roundTrip(String example, Class<T> type) throws IOException {
        JsonNode original = json.readTree(EXAMPLES.resolve(example).toFile());
        T value = json.treeToValue(original, type);
        JsonNode written = json.valueToTree(value);
        assertEquals(normalise(original), normalise(written), example);
        return value;
    }

    /** Instants may be written with or without fractional seconds; compare them as instants. */
    private JsonNode normalise(JsonNode node) throws IOException {
        String text = node.toString()
                .replaceAll("\"(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})Z\"", "\"$1.000Z\"")
                .replaceAll(":(\\d+)\\.0([,}])", ":$1$2");
        return json.readTree(text);
    }
}
