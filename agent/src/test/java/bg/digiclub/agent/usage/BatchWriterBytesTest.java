package bg.digiclub.agent.usage;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import com.fasterxml.jackson.databind.ObjectMapper;

import bg.digiclub.common.batch.Batch;
import bg.digiclub.common.batch.BatchKind;
import bg.digiclub.common.batch.StrictJson;

/**
 * The records' writer gives, for the same content, byte for byte what the hand-written
 * {@link BatchJson} gave: field order, number formatting, optional fields left out. One shape
 * differs and cannot occur: a day whose tile map holds only zeros (the aggregation never counts a
 * zero) was written by BatchJson as {@code "tileCategories":[]}; the records leave the field out,
 * as the protocol says, and the collector reads both as the same batch (the same content hash).
 */
class BatchWriterBytesTest {
    private static final String ZERO_TILES = "usage-tiles-all-zero";
    private final ObjectMapper json = StrictJson.mapper();

    @Test
    void theRecordsWriteWhatBatchJsonWrote() {
        assertAll(BatchFixtures.all().stream().filter(f -> !f.name().equals(ZERO_TILES)).map(f -> (Executable) () ->
                assertEquals(text(old(f)), text(f.json()), f.name())));
    }

    @Test
    void anAllZeroTileMapIsLeftOutAndReadsAsTheSameBatch() throws Exception {
        BatchFixtures.Fixture f = BatchFixtures.all().stream().filter(x -> x.name().equals(ZERO_TILES)).findFirst()
                .orElseThrow();
        assertTrue(text(old(f)).contains("\"tileCategories\":[]"), text(old(f)));
        assertEquals(text(old(f)).replace(",\"tileCategories\":[]", ""), text(f.json()));
        assertEquals(json.readValue(old(f), Batch.class), json.readValue(f.json(), Batch.class));
    }

    @Test
    void everyKindIsCovered() {
        assertEquals(List.of(BatchKind.values()).size(),
                BatchFixtures.all().stream().map(f -> f.info().kind()).distinct().count());
    }

    private static byte[] old(BatchFixtures.Fixture f) {
        return f.info().kind() == BatchKind.USAGE
                ? BatchJson.usage(f.info(), f.env(), f.hours(), f.days())
                : BatchJson.health(f.info(), f.env(), f.snapshots(), f.healthDays());
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
