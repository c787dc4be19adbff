package bg.digiclub.systemtest.support;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * One WebSocket frame (RFC 6455) as {@link LiveProxy} read it: its bytes to pass on unchanged, and
 * its payload unmasked (the agent's frames are masked, the collector's not).
 */
record WebSocketFrame(boolean fin, int opcode, byte[] raw, byte[] payload) {
    /** Reads the next frame whole; an {@link EOFException} when the stream ends before it does. */
    static WebSocketFrame read(InputStream in) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        int b0 = next(in, raw);
        int b1 = next(in, raw);
        long length = b1 & 0x7f;
        if (length == 126) {
            length = (next(in, raw) << 8) | next(in, raw);
        } else if (length == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) {
                length = (length << 8) | next(in, raw);
            }
        }
        if (length > 1 << 20) {
            throw new IOException("a frame of " + length + " bytes: not the live channel");
        }
        byte[] mask = null;
        if ((b1 & 0x80) != 0) {
            mask = in.readNBytes(4);
            if (mask.length < 4) {
                throw new EOFException();
            }
            raw.writeBytes(mask);
        }
        byte[] payload = in.readNBytes((int) length);
        if (payload.length < length) {
            throw new EOFException();
        }
        raw.writeBytes(payload);
        if (mask != null) {
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i % 4];
            }
        }
        return new WebSocketFrame((b0 & 0x80) != 0, b0 & 0x0f, raw.toByteArray(), payload);
    }

    private static int next(InputStream in, ByteArrayOutputStream raw) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException();
        }
        raw.write(b);
        return b;
    }
}
