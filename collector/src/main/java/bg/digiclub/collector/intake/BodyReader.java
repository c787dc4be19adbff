package bg.digiclub.collector.intake;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a request body within two limits: bytes on the wire and bytes after gzip
 * decompression. Reading stops as soon as a limit is passed, so neither a huge body nor a
 * gzip bomb is ever held in memory.
 */
public final class BodyReader {
    private final int maxWireBytes;
    private final int maxJsonBytes;

    public BodyReader(int maxWireBytes, int maxJsonBytes) {
        this.maxWireBytes = maxWireBytes;
        this.maxJsonBytes = maxJsonBytes;
    }

    /**
     * The decompressed body.
     *
     * @param contentLength   the declared length, or -1 if not declared (chunked)
     * @param contentEncoding the Content-Encoding header, null for identity
     */
    public byte[] read(InputStream body, long contentLength, String contentEncoding) throws ApiException, IOException {
        if (contentLength > maxWireBytes) {
            throw tooLarge("the body is " + contentLength + " bytes, more than the " + maxWireBytes + " allowed");
        }
        InputStream wire =
                new LimitedStream(body, maxWireBytes, "the body is more than the " + maxWireBytes + " bytes allowed");
        String encoding =
                contentEncoding == null ? "identity" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        try {
            switch (encoding) {
                case "identity", "" -> {
                    return readAll(wire, maxWireBytes, "the body is more than the " + maxWireBytes + " bytes allowed");
                }
                case "gzip", "x-gzip" -> {
                    try (GZIPInputStream json = new GZIPInputStream(wire, 8192)) {
                        return readAll(
                                json,
                                maxJsonBytes,
                                "the body decompresses to more than the " + maxJsonBytes + " bytes allowed");
                    } catch (ZipException | EOFException e) {
                        throw new ApiException(400, "malformed-gzip", "the body is not valid gzip: " + e.getMessage());
                    }
                }
                default ->
                    throw new ApiException(
                            400,
                            "unsupported-encoding",
                            "Content-Encoding " + contentEncoding + " is not supported; use gzip or none");
            }
        } catch (LimitExceeded e) {
            throw tooLarge(e.getMessage());
        }
    }

    private static ApiException tooLarge(String message) {
        return new ApiException(413, "too-large", message);
    }

    private static byte[] readAll(InputStream in, int max, String message) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(max, 16 * 1024));
        byte[] buffer = new byte[8192];
        int total = 0;
        for (int n; (n = in.read(buffer)) != -1; ) {
            total += n;
            if (total > max) {
                throw new LimitExceeded(message);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** Passing a limit while reading; unchecked so it can cross GZIPInputStream. */
    private static final class LimitExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LimitExceeded(String message) {
            super(message);
        }
    }

    /** Counts bytes read from the wire and stops past the limit. */
    private static final class LimitedStream extends InputStream {
        private final InputStream in;
        private final long limit;
        private final String message;
        private long count;

        LimitedStream(InputStream in, long limit, String message) {
            this.in = in;
            this.limit = limit;
            this.message = message;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b != -1 && ++count > limit) {
                throw new LimitExceeded(message);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0 && (count += n) > limit) {
                throw new LimitExceeded(message);
            }
            return n;
        }
    }
}
