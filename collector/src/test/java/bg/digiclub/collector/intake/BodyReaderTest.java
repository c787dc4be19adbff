package bg.digiclub.collector.intake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import bg.digiclub.collector.testing.Http;

class BodyReaderTest {
    private final BodyReader reader = new BodyReader(1000, 5000);

    @Test
    void readsPlainAndGzipBodies() throws Exception {
        byte[] json = "{\"a\":1}".getBytes();
        assertArrayEquals(json, reader.read(new ByteArrayInputStream(json), json.length, null));
        byte[] gz = Http.gzip(json);
        assertArrayEquals(json, reader.read(new ByteArrayInputStream(gz), gz.length, "gzip"));
    }

    @Test
    void stopsAtTheWireLimitEvenWithoutALength() {
        byte[] big = new byte[1001];
        ApiException e = assertThrows(ApiException.class, () -> reader.read(new ByteArrayInputStream(big), -1, null));
        assertEquals(413, e.status());
    }

    @Test
    void stopsAGzipBombAtTheDecompressedLimit() throws Exception {
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bomb)) {
            gz.write(new byte[100_000]);
        }
        ApiException e = assertThrows(
                ApiException.class,
                () -> reader.read(new ByteArrayInputStream(bomb.toByteArray()), bomb.size(), "gzip"));
        assertEquals(413, e.status());
        assertEquals("too-large", e.code());
    }

    @Test
    void refusesUnknownEncodingsAndBrokenGzip() {
        assertEquals(
                "unsupported-encoding",
                assertThrows(ApiException.class, () -> reader.read(new ByteArrayInputStream(new byte[1]), 1, "br"))
                        .code());
        assertEquals(
                "malformed-gzip",
                assertThrows(
                                ApiException.class,
                                () -> reader.read(new ByteArrayInputStream("{}".getBytes()), 2, "gzip"))
                        .code());
    }
}
