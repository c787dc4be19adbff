package bg.digiclub.common.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import bg.digiclub.common.batch.StrictJson;
import bg.digiclub.common.link.AgeBand;
import bg.digiclub.common.link.Demographics;
import bg.digiclub.common.link.Sex;

class CardSyncJsonTest {
    private static final ObjectMapper JSON = StrictJson.mapper();
    private static final String HASH = "a".repeat(64);
    private static final String PIN_HASH =
            "pbkdf2-sha256$210000$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";
    private static final Instant AT = Instant.parse("2026-12-05T09:30:00.123Z");

    @Test
    void requestAndResponseRoundTrip() throws JsonProcessingException {
        CardRecord card = new CardRecord(HASH, PIN_HASH, new Demographics(AgeBand.AGE_18_24, Sex.FEMALE), false, AT, 7);
        CardSyncRequest request =
                new CardSyncRequest(6, LocalDate.of(2026, 12, 5), List.of(card), List.of(new CardMinutes(HASH, 42)));
        assertEquals(request, JSON.readValue(JSON.writeValueAsString(request), CardSyncRequest.class));
        CardSyncResponse response =
                new CardSyncResponse("A".repeat(43) + "=", 9, List.of(card), true, List.of(new CardMinutes(HASH, 15)));
        assertEquals(response, JSON.readValue(JSON.writeValueAsString(response), CardSyncResponse.class));
    }

    @Test
    void aPlainCodeOrAnythingButTheKeyedHashIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CardRecord("12345678", PIN_HASH, null, false, AT, 0));
        assertThrows(
                IllegalArgumentException.class, () -> new CardRecord(HASH.toUpperCase(), PIN_HASH, null, false, AT, 0));
        assertThrows(IllegalArgumentException.class, () -> new CardRecord(HASH, "123456", null, false, AT, 0));
    }

    @Test
    void limitsAreChecked() {
        CardRecord card = new CardRecord(HASH, PIN_HASH, null, false, AT, 0);
        IllegalArgumentException twice = assertThrows(
                IllegalArgumentException.class,
                () -> new CardSyncRequest(0, LocalDate.of(2026, 12, 5), List.of(card, card), List.of()));
        assertTrue(twice.getMessage().contains("changes"), twice.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CardMinutes(HASH, 24 * 60 + 1));
        assertThrows(
                IllegalArgumentException.class,
                () -> new CardSyncRequest(-1, LocalDate.of(2026, 12, 5), List.of(), List.of()));
        assertThrows(
                IllegalArgumentException.class,
                () -> new CardRecord(HASH, PIN_HASH, null, false, Instant.parse("2026-12-05T09:30:00.000001Z"), 0));
        assertThrows(
                IllegalArgumentException.class, () -> new CardSyncResponse("short", 0, List.of(), false, List.of()));
    }

    @Test
    void visitsRoundTripAndAreOptional() throws JsonProcessingException {
        LocalDate day = LocalDate.of(2026, 12, 5);
        CardSyncRequest request = new CardSyncRequest(
                6, day, List.of(), List.of(), List.of(new CardVisit(HASH, day), new CardVisit(HASH, day.minusDays(1))));
        String written = JSON.writeValueAsString(request);
        assertTrue(written.contains("\"visits\":[{\"codeHash\":\"" + HASH + "\",\"day\":\"2026-12-05\"}"), written);
        assertEquals(request, JSON.readValue(written, CardSyncRequest.class));
        // a request of an agent before the field (or with nothing to report) has none, and is written without
        // the field, so that a collector before the field still takes it
        String older = "{\"cursor\":0,\"day\":\"2026-12-05\",\"changes\":[],\"minutesToday\":[]}";
        CardSyncRequest read = JSON.readValue(older, CardSyncRequest.class);
        assertEquals(List.of(), read.visits());
        assertEquals(older, JSON.writeValueAsString(read));
    }

    @Test
    void visitLimitsAreChecked() {
        LocalDate day = LocalDate.of(2026, 12, 5);
        CardVisit visit = new CardVisit(HASH, day);
        IllegalArgumentException twice = assertThrows(
                IllegalArgumentException.class,
                () -> new CardSyncRequest(0, day, List.of(), List.of(), List.of(visit, visit)));
        assertTrue(twice.getMessage().contains("visits"), twice.getMessage());
        List<CardVisit> tooMany = IntStream.rangeClosed(0, CardSyncRequest.MAX_VISITS)
                .mapToObj(i -> new CardVisit(HASH, day.minusDays(i)))
                .toList();
        assertThrows(IllegalArgumentException.class, () -> new CardSyncRequest(0, day, List.of(), List.of(), tooMany));
        assertThrows(IllegalArgumentException.class, () -> new CardVisit("12345678", day));
        assertThrows(NullPointerException.class, () -> new CardVisit(HASH, null));
    }

    @Test
    void unknownFieldsAreRefused() {
        String json = "{\"cursor\":0,\"day\":\"2026-12-05\",\"changes\":[],\"minutesToday\":[],\"code\":\"12345678\"}";
        assertThrows(JsonProcessingException.class, () -> JSON.readValue(json, CardSyncRequest.class));
    }
}
