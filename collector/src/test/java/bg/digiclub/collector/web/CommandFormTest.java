package bg.digiclub.collector.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import bg.digiclub.collector.live.PcTile;
import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.common.link.VisitorKind;
import bg.digiclub.common.live.CommandKind;
import bg.digiclub.common.live.PcMode;

/** The room view's command form: what it stores for one PC and for all, and what it refuses. */
class CommandFormTest {
    private static final PageText EN = new PageText(PageLanguage.EN);
    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    private static final Instant STARTED_1 = Instant.parse("2026-11-25T07:30:00Z");
    private static final Instant STARTED_3 = Instant.parse("2026-11-25T07:45:00Z");

    private static final PcTile PC_1 = session(1, STARTED_1, null);
    private static final PcTile PC_2 =
            new PcTile(UUID.randomUUID(), 2, true, PcMode.FREE, null, null, null, HealthStatus.OK, null, null, NOW);
    private static final PcTile PC_3 = session(3, STARTED_3, NOW);
    private static final PcTile PC_4_OFF = new PcTile(
            UUID.randomUUID(),
            4,
            false,
            PcMode.IN_SESSION,
            VisitorKind.GUEST,
            5,
            STARTED_1,
            HealthStatus.OK,
            null,
            null,
            NOW);
    private static final List<PcTile> ROOM = List.of(PC_1, PC_2, PC_3, PC_4_OFF);

    private static PcTile session(int number, Instant started, Instant helpCalledAt) {
        return new PcTile(
                UUID.randomUUID(),
                number,
                true,
                PcMode.IN_SESSION,
                VisitorKind.GUEST,
                30,
                started,
                HealthStatus.OK,
                helpCalledAt,
                null,
                NOW);
    }

    private static CommandForm form(Map<String, String> fields) {
        return CommandForm.parse(EN, fields::get);
    }

    @Test
    void anExtendForOnePcNamesTheSessionItsTileShowed() throws Exception {
        Instant shown = Instant.parse("2026-11-25T07:29:00Z");
        List<CommandForm.Order> orders = form(Map.of(
                        "pc",
                        PC_1.deviceId().toString(),
                        "kind",
                        "EXTEND",
                        "minutes",
                        "15",
                        "session",
                        shown.toString()))
                .orders(EN, () -> ROOM);
        assertEquals(1, orders.size());
        assertEquals(PC_1.deviceId(), orders.get(0).device());
        assertEquals(15, orders.get(0).request().minutes());
        assertEquals(shown, orders.get(0).request().sessionStarted(), "the tile's session, not the one running now");
    }

    @Test
    void anEndWithoutASessionFieldNamesTheSessionRunningNow() throws Exception {
        List<CommandForm.Order> orders = form(Map.of("pc", PC_3.deviceId().toString(), "kind", "END_SESSION"))
                .orders(EN, () -> ROOM);
        assertEquals(STARTED_3, orders.get(0).request().sessionStarted());
        assertNull(orders.get(0).request().minutes());
    }

    @Test
    void anExtendForAllIsOneCommandPerOnlinePcInASession() throws Exception {
        List<CommandForm.Order> orders =
                form(Map.of("pc", "all", "kind", "EXTEND", "minutes", "10")).orders(EN, () -> ROOM);
        assertEquals(
                List.of(PC_1.deviceId(), PC_3.deviceId()),
                orders.stream().map(CommandForm.Order::device).toList());
        assertEquals(
                List.of(STARTED_1, STARTED_3),
                orders.stream().map(o -> o.request().sessionStarted()).toList());
    }

    @Test
    void aMessageForAllIsOneOrderForTheWholeClubWithItsText() throws Exception {
        List<CommandForm.Order> orders = form(Map.of(
                        "pc", "all", "kind", "MESSAGE", "text", "  Closing in 10 minutes ", "minutes", "15"))
                .orders(EN, () -> ROOM);
        assertEquals(1, orders.size());
        assertNull(orders.get(0).device(), "the console stores one per PC");
        assertEquals("Closing in 10 minutes", orders.get(0).request().text());
        assertNull(orders.get(0).request().minutes(), "a message takes no minutes, whatever the form had");
    }

    @Test
    void answeringHelpForAllAnswersOnlyThePcsThatCall() throws Exception {
        List<CommandForm.Order> orders =
                form(Map.of("pc", "all", "kind", "ANSWER_HELP")).orders(EN, () -> ROOM);
        assertEquals(
                List.of(PC_3.deviceId()),
                orders.stream().map(CommandForm.Order::device).toList());
    }

    @Test
    void aPlainCommandForOnePcReadsNoRoom() throws Exception {
        CommandForm.Room unread = () -> {
            throw new AssertionError("the room was read");
        };
        List<CommandForm.Order> orders = form(Map.of("pc", PC_2.deviceId().toString(), "kind", "MESSAGE", "text", "Hi"))
                .orders(EN, unread);
        assertEquals(PC_2.deviceId(), orders.get(0).device());
        Instant shown = STARTED_1;
        assertEquals(
                shown,
                form(Map.of("pc", PC_1.deviceId().toString(), "kind", "END_SESSION", "session", shown.toString()))
                        .orders(EN, unread)
                        .get(0)
                        .request()
                        .sessionStarted());
    }

    @Test
    void wrongFormsAreRefusedWithASentenceForTheMentor() {
        IllegalArgumentException noSession = assertThrows(
                IllegalArgumentException.class,
                () -> form(Map.of("pc", PC_2.deviceId().toString(), "kind", "END_SESSION"))
                        .orders(EN, () -> ROOM));
        assertEquals("PC 2 has no session now.", noSession.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> form(Map.of("pc", PC_1.deviceId().toString(), "kind", "EXTEND", "minutes", "0")));
        assertThrows(
                IllegalArgumentException.class,
                () -> form(Map.of("pc", PC_1.deviceId().toString(), "kind", "EXTEND", "minutes", "481")));
        assertThrows(IllegalArgumentException.class, () -> form(Map.of("pc", "all", "kind", "MESSAGE", "text", "   ")));
        assertThrows(IllegalArgumentException.class, () -> form(Map.of("pc", "all", "kind", "WAKE")));
        assertThrows(IllegalArgumentException.class, () -> form(Map.of("pc", "all", "kind", "FORMAT_DISK")));
        assertThrows(IllegalArgumentException.class, () -> form(Map.of("pc", "PC 1", "kind", "RESTART")));
        assertThrows(
                IllegalArgumentException.class,
                () -> form(Map.of("pc", UUID.randomUUID().toString(), "kind", "END_SESSION"))
                        .orders(EN, () -> ROOM),
                "a device of another club");
        assertThrows(
                IllegalArgumentException.class,
                () -> form(Map.of("pc", "all", "kind", "ANSWER_HELP")).orders(EN, () -> List.of(PC_1, PC_2)),
                "nobody calls");
        assertEquals(CommandKind.RESTART, form(Map.of("kind", "RESTART")).kind());
    }
}
