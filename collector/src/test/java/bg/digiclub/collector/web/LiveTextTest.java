package bg.digiclub.collector.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import bg.digiclub.collector.live.PcTile;
import bg.digiclub.common.health.HealthStatus;
import bg.digiclub.common.link.VisitorKind;
import bg.digiclub.common.live.PcMode;

/** The live console's words: a tile as a mentor reads it, and the audit log's lines. */
class LiveTextTest {
    private static final ZoneId SOFIA = ZoneId.of("Europe/Sofia");
    private static final LiveText BG = new LiveText(new PageText(PageLanguage.BG), SOFIA);
    private static final LiveText EN = new LiveText(new PageText(PageLanguage.EN), SOFIA);
    private static final Instant AT = Instant.parse("2026-11-25T07:31:00Z");

    private static PcTile tile(boolean online, PcMode mode, Instant help) {
        boolean session = mode == PcMode.IN_SESSION;
        return new PcTile(
                UUID.randomUUID(),
                3,
                online,
                mode,
                session ? VisitorKind.GUEST : null,
                session ? 42 : null,
                session ? AT : null,
                HealthStatus.WARN,
                help,
                null,
                AT);
    }

    @Test
    void aTileSaysWhoSitsThereHowLongAndThatTheyCall() {
        PcTile busy = tile(true, PcMode.IN_SESSION, AT);
        assertEquals("Зает", BG.state(busy));
        assertEquals("гост · остават 42 мин", BG.detail(busy));
        assertEquals("Вика за помощ от 09:31", BG.help(busy), "in the club's time");
        assertEquals("Busy", EN.state(busy));
        assertEquals("guest · 42 min left", EN.detail(busy));
        assertEquals("Attention: check this computer", EN.health(busy));
    }

    @Test
    void aPcWithoutAConnectionIsOffWhateverItLastSaid() {
        PcTile off = tile(false, PcMode.IN_SESSION, null);
        assertEquals(LiveText.OFF, LiveText.mode(off));
        assertEquals("Изключен", BG.state(off));
        assertEquals("last seen at 09:31", EN.detail(off));
        assertNull(EN.help(off));
    }

    @Test
    void theLogsLinesReadAsWords() {
        assertEquals("Удължи с 15 мин", BG.action("EXTEND 15 min"));
        assertEquals("Message: “Closing: 10 minutes”", EN.action("MESSAGE: Closing: 10 minutes"));
        assertEquals("Restart", EN.action("RESTART"));
        assertEquals("Queue: number 7 given out", EN.action("QUEUE_ADD №7"));
        assertEquals("Settings changed (version 3)", EN.action("SETTINGS v3"));
        assertEquals("something new", EN.action("something new"), "an unknown shape is shown as it is");
    }
}
