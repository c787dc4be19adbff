package bg.digiclub.agent.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class FrameReaderTest {

    static ReadableByteChannel of(String s) {
        return Channels.newChannel(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)));
    }

    /** A channel that hands out one byte per read, as a slow writer would. */
    static ReadableByteChannel trickle(String s) {
        ReadableByteChannel whole = of(s);
        return new ReadableByteChannel() {
            @Override
            public int read(ByteBuffer dst) throws java.io.IOException {
                ByteBuffer one = ByteBuffer.allocate(1);
                int n = whole.read(one);
                if (n > 0) {
                    dst.put(one.flip());
                }
                return n;
            }

            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public void close() {}
        };
    }

    static String text(FrameReader.Frame f) {
        return new String(f.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void linesAreSplitOnNewlineWithCrAndEmptyLinesDropped() throws Exception {
        FrameReader r = new FrameReader(of("{\"a\":1}\r\n\n{\"b\":\"Читалище\"}\nunfinished"), 1024);
        assertEquals("{\"a\":1}", text(r.next()));
        assertEquals("{\"b\":\"Читалище\"}", text(r.next()));
        assertNull(r.next(), "an unfinished last line is dropped");
    }

    @Test
    void anOverlongLineIsReportedAtOnceAndTheNextLineReadNormally() throws Exception {
        FrameReader r = new FrameReader(trickle("x".repeat(5000) + "\n{\"ok\":1}\n"), 1024);
        assertTrue(r.next().tooLarge());
        assertEquals("{\"ok\":1}", text(r.next()));
        assertNull(r.next());
    }

    @Test
    void aLineOfExactlyTheLimitIsAccepted() throws Exception {
        FrameReader r = new FrameReader(of("y".repeat(1024) + "\n"), 1024);
        assertEquals(1024, r.next().bytes().length);
    }
}
