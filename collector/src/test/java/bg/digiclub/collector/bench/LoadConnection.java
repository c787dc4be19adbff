package bg.digiclub.collector.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One device's kept-alive HTTP/1.1 connection for the intake benchmark: it writes a request
 * prepared in advance and reads the whole answer, and does nothing else, like a load generator
 * (wrk, ab) and unlike a full client. On a 2-core machine the load generator shares the cores
 * with the collector, so the cheaper it is, the more of the machine the figure is about the
 * collector. Real devices use OkHttp; {@code IntakeHttpTest} and the system tests cover that.
 */
final class LoadConnection implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(128);

    LoadConnection(int port) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        socket.setSoTimeout(60_000);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 8192);
    }

    /** A POST of a gzip JSON body with the device API's headers, as bytes ready to send. */
    static byte[] batchRequest(int port, String token, String batchId, byte[] gzipBody) {
        String head = "POST /api/v1/batches HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "Authorization: Bearer " + token + "\r\n"
                + "Idempotency-Key: " + batchId + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Encoding: gzip\r\n"
                + "Content-Length: " + gzipBody.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + gzipBody.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(gzipBody, 0, request, headBytes.length, gzipBody.length);
        return request;
    }

    /** Sends one request and reads its answer. */
    Answer send(byte[] request) throws IOException {
        out.write(request);
        out.flush();
        String status = readLine();
        if (!status.startsWith("HTTP/1.1 ")) {
            throw new IOException("not an HTTP/1.1 answer: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        int length = -1;
        boolean replayed = false;
        boolean close = false;
        for (String header; !(header = readLine()).isEmpty(); ) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(header.substring(15).strip());
            } else if (lower.startsWith("idempotent-replayed:")) {
                replayed = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            } else if (lower.startsWith("transfer-encoding:")) {
                throw new IOException("chunked answers are not expected from the batch API");
            }
        }
        if (length < 0) {
            throw new IOException("answer " + code + " without Content-Length");
        }
        byte[] body = in.readNBytes(length);
        if (close) {
            throw new IOException("the collector closed the connection after " + code + ": "
                    + new String(body, StandardCharsets.UTF_8));
        }
        return new Answer(code, replayed, new String(body, StandardCharsets.UTF_8));
    }

    private String readLine() throws IOException {
        line.reset();
        for (int b; (b = in.read()) != '\n'; ) {
            if (b == -1) {
                throw new IOException("the collector closed the connection");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    record Answer(int status, boolean replayed, String body) {}
}
