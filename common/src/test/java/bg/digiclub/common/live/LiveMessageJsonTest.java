package bg.digiclub.common.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import bg.digiclub.common.batch.StrictJson;
import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.common.link.VisitorKind;

class LiveMessageJsonTest {
    private static final ObjectMapper JSON = StrictJson.mapper();
    private static final Instant AT = Instant.parse("2026-12-05T09:30:00Z");

    @Test
    void everyMessageKindRoundTripsWithItsTypeName() throws JsonProcessingException {
        List<LiveMessage> messages = List.of(
                new PcState(AT, PcMode.IN_SESSION, VisitorKind.MEMBER, 42, AT, HealthStatus.OK, true, null, 7, "1.4.0"),
                new PcState(AT, PcMode.FREE, null, null, null, HealthStatus.WARN, false, 8, null, "1.4.0"),
                new Command(
                        UUID.randomUUID(),
                        CommandKind.MESSAGE,
                        AT,
                        AT.plusSeconds(900),
                        null,
                        "Затваряме в 18:00",
                        null,
                        null),
                new Command(UUID.randomUUID(), CommandKind.EXTEND, AT, AT.plusSeconds(300), 15, null, AT, null),
                new CommandAck(UUID.randomUUID(), CommandOutcome.DONE, "удължена с 15 минути"),
                new Room(
                        new ClubSettings(
                                3,
                                List.of(new OpeningHours(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(18, 0))),
                                15,
                                10,
                                true,
                                5,
                                15),
                        2,
                        7,
                        AT.plusSeconds(300)),
                new CardsChanged(12));
        for (LiveMessage message : messages) {
            String text = JSON.writerFor(LiveMessage.class).writeValueAsString(message);
            assertEquals(message, JSON.readValue(text, LiveMessage.class), text);
        }
        String state = JSON.writerFor(LiveMessage.class).writeValueAsString(messages.get(0));
        assertTrue(state.startsWith("{\"type\":\"state\""), state);
    }

    @Test
    void unknownTypesFieldsAndBrokenRulesAreRefused() {
        assertThrows(
                JsonProcessingException.class,
                () -> JSON.readValue("{\"type\":\"shell\",\"cmd\":\"rm\"}", LiveMessage.class));
        assertThrows(
                JsonProcessingException.class,
                () -> JSON.readValue("{\"type\":\"cards-changed\",\"cursor\":1,\"extra\":2}", LiveMessage.class));
        // an extension without the session it is for would reach the next visitor's session
        assertThrows(
                JsonProcessingException.class,
                () -> JSON.readValue(
                        "{\"type\":\"command\",\"id\":\"" + UUID.randomUUID()
                                + "\",\"kind\":\"EXTEND\",\"issuedAt\":\"2026-12-05T09:30:00Z\","
                                + "\"expiresAt\":\"2026-12-05T09:35:00Z\",\"minutes\":15}",
                        LiveMessage.class));
        assertThrows(
                IllegalArgumentException.class,
                () -> new PcState(
                        AT, PcMode.FREE, VisitorKind.GUEST, null, null, HealthStatus.OK, false, null, null, "1"));
        assertThrows(
                IllegalArgumentException.class,
                () -> new CommandAck(UUID.randomUUID(), CommandOutcome.DONE, "two\nlines"));
    }
}
