package bg.digiclub.common.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.Instant;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

class InstantTextTest {
    @Test
    void readsTheCommonShapeByHandAndAgreesWithInstantParse() {
        for (String text : new String[] {"2026-11-24T08:00:00Z", "2024-02-29T23:59:59Z", "1970-01-01T00:00:00Z"}) {
            assertEquals(Instant.parse(text), InstantText.fast(text));
        }
        assertNull(InstantText.fast("2026-11-24T08:00:00.5Z"), "other shapes go to Instant.parse");
        assertNull(InstantText.fast("2026-11-24T08:00:0xZ"));
        assertThrows(DateTimeException.class, () -> InstantText.fast("2026-02-30T08:00:00Z"));
    }

    @Test
    void aBadInstantIsAWrongTypeNamingTheValue() {
        InvalidFormatException e = assertThrows(
                InvalidFormatException.class,
                () -> StrictJson.mapper().readValue("\"2026-13-01T00:00:00Z\"", Instant.class));
        assertEquals("2026-13-01T00:00:00Z", e.getValue());
        assertEquals(
                Instant.parse("2026-11-24T08:00:00.250Z"),
                Assertions.assertDoesNotThrow(
                        () -> StrictJson.mapper().readValue("\"2026-11-24T08:00:00.250Z\"", Instant.class)));
    }
}
