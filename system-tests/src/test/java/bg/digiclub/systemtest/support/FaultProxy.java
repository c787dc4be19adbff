package bg.digiclub.systemtest.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.zip.GZIPInputStream;

/**
 * A small HTTP/1.1 proxy on a loopback port between the agent and the collector, standing in
 * for the network and the municipality's reverse proxy. It keeps every request body it receives
 * (gunzipped) for the privacy scan, and applies {@link Fault}s to batch uploads: one queued
 * fault per upload, then the default. While the collector is down it answers 502, as a reverse
 * proxy in front of a stopped server does.
 *
 * <p>One request per connection ({@code Connection: close} both ways), which OkHttp handles as
 * any server that closes connections.
 */
public final class FaultProxy implements AutoCloseable {
    /** A request as it reached the proxy. */
    public record Captured(String method, String path, Map<String, String> headers, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final ServerSocket listener;
    private final IntSupplier upstreamPort;
    private final Thread acceptor;
    private final Deque<Fault> queued = new ArrayDeque<>();
    private final List<Captured> captured = new CopyOnWriteArrayList<>();
    private final List<Fault> applied = new CopyOnWriteArrayList<>();
    private final List<Thread> handlers = new CopyOnWriteArrayList<>();
    private volatile Fault fallback = Fault.PASS;
    private volatile long slowMillis = 300;
    private volatile long timeoutMillis = 2_500;
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    /** @param upstreamPort the collector's current port, or -1 while it is down */
    public FaultProxy(IntSupplier upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.acceptor = new Thread(this::acceptLoop, "fault-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    /** The next batch uploads get these faults, in order. */
    public synchronized FaultProxy then(Fault... faults) {
        queued.addAll(List.of(faults));
        return this;
    }

    /** What batch uploads get when no fault is queued. */
    public void otherwise(Fault fault) {
        fallback = fault;
    }

    /** How long {@link Fault#STORED_THEN_TIMEOUT} waits before answering (longer than the agent's call timeout). */
    public void timeoutAfter(long millis) {
        timeoutMillis = millis;
    }

    public synchronized int faultsLeft() {
        return queued.size();
    }

    /** Every request received so far, in order. */
    public List<Captured> captured() {
        return List.copyOf(captured);
    }

    /** The fault applied to each batch upload so far, in order. */
    public List<Fault> applied() {
        return List.copyOf(applied);
    }

    /** Waits until a {@link Fault#STORED_THEN_HOLD} upload has been stored and is being held. */
    public boolean awaitHeld(long seconds) throws InterruptedException {
        return held.await(seconds, TimeUnit.SECONDS);
    }

    /** Lets a held answer go (to nobody, if its agent was killed). */
    public void releaseHeld() {
        release.countDown();
    }

    private synchronized Fault nextFault() {
        Fault f = queued.pollFirst();
        return f == null ? fallback : f;
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Thread t = new Thread(() -> handle(client), "fault-proxy-conn");
                t.setDaemon(true);
                handlers.add(t);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            String requestLine = line(in);
            if (requestLine == null || requestLine.isEmpty()) {
                return;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
                int colon = h.indexOf(':');
                headers.put(
                        h.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        h.substring(colon + 1).trim());
            }
            String[] parts = requestLine.split(" ");
            String method = parts[0];
            String path = parts[1];
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            boolean batch = path.startsWith("/api/v1/batches");
            Fault fault = batch ? nextFault() : Fault.PASS;
            if (fault == Fault.RESET_MID_UPLOAD) {
                in.readNBytes(length / 2);
                applied.add(fault);
                reset(client);
                return;
            }
            byte[] body = in.readNBytes(length);
            captured.add(new Captured(method, path, Map.copyOf(headers), decoded(headers, body)));
            if (batch) {
                applied.add(fault);
            }
            switch (fault) {
                case SERVER_ERROR ->
                    answer(
                            out,
                            500,
                            "application/json",
                            "{\"status\":500,\"code\":\"internal\",\"message\":\"injected by the test proxy\"}");
                case RATE_LIMITED ->
                    answer(
                            out,
                            429,
                            "application/json\r\nRetry-After: 120",
                            "{\"status\":429,\"code\":\"rate-limited\",\"message\":\"injected by the test proxy\"}");
                case BAD_GATEWAY_HTML ->
                    answer(out, 502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>");
                case GARBAGE_RESPONSE -> {
                    out.write(new byte[] {0, (byte) 0xff, 'g', 'a', 'r', 'b', 'a', 'g', 'e', '\r', '\n', '\r', '\n'});
                    out.flush();
                }
                case STORED_THEN_SERVER_ERROR -> {
                    forward(requestLine, headers, body);
                    answer(
                            out,
                            500,
                            "application/json",
                            "{\"status\":500,\"code\":\"internal\",\"message\":\"lost answer\"}");
                }
                case STORED_THEN_RESET -> {
                    forward(requestLine, headers, body);
                    reset(client);
                }
                case STORED_THEN_TIMEOUT -> {
                    byte[] reply = forward(requestLine, headers, body);
                    // not a wait for a condition: the fault itself, an answer later than the agent's timeout
                    Thread.sleep(timeoutMillis);
                    out.write(reply);
                }
                case SLOW -> {
                    byte[] reply = forward(requestLine, headers, body);
                    // not a wait for a condition: the fault itself, a slow network
                    Thread.sleep(slowMillis);
                    out.write(reply);
                }
                case STORED_THEN_GARBAGE_200 -> {
                    forward(requestLine, headers, body);
                    answer(out, 200, "application/json", "]]] this is not a receipt");
                }
                case DUPLICATE -> {
                    forward(requestLine, headers, body);
                    out.write(forward(requestLine, headers, body));
                }
                case STORED_THEN_HOLD -> {
                    forward(requestLine, headers, body);
                    held.countDown();
                    release.await(120, TimeUnit.SECONDS);
                }
                case PASS -> out.write(forward(requestLine, headers, body));
                default -> throw new IllegalStateException("fault " + fault);
            }
            out.flush();
        } catch (IOException e) {
            // the agent hung up (timeout, killed): nothing to answer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Sends the request to the collector on a new connection and returns its whole answer; while
     * the collector is down, a reverse proxy's 502.
     */
    private byte[] forward(String requestLine, Map<String, String> headers, byte[] body) throws IOException {
        int port = upstreamPort.getAsInt();
        if (port < 0) {
            return response(502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>");
        }
        try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), port)) {
            upstream.setSoTimeout(60_000);
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.writeBytes((requestLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            for (Map.Entry<String, String> h : headers.entrySet()) {
                if (h.getKey().equals("connection") || h.getKey().equals("host")) {
                    continue;
                }
                head.writeBytes((h.getKey() + ": " + h.getValue() + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            head.writeBytes(("host: 127.0.0.1:" + port + "\r\nconnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            OutputStream up = upstream.getOutputStream();
            up.write(head.toByteArray());
            up.write(body);
            up.flush();
            return upstream.getInputStream().readAllBytes();
        } catch (java.net.ConnectException e) {
            return response(502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>");
        }
    }

    private static void answer(OutputStream out, int status, String type, String body) throws IOException {
        out.write(response(status, type, body));
    }

    private static byte[] response(int status, String type, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " Injected\r\nContent-Type: " + type + "\r\nContent-Length: "
                + bytes.length + "\r\nConnection: close\r\n\r\n";
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        all.writeBytes(bytes);
        return all.toByteArray();
    }

    /** Closes with a TCP reset rather than an orderly FIN. */
    private static void reset(Socket socket) throws SocketException {
        socket.setSoLinger(true, 0);
    }

    private static byte[] decoded(Map<String, String> headers, byte[] body) throws IOException {
        if ("gzip".equalsIgnoreCase(headers.get("content-encoding"))) {
            try (GZIPInputStream gz = new GZIPInputStream(new ByteArrayInputStream(body))) {
                return gz.readAllBytes();
            }
        }
        return body;
    }

    /** One CRLF-terminated header line, ISO-8859-1; null at end of stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = buf.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
            }
            buf.write(b);
        }
        return buf.size() == 0 ? null : buf.toString(StandardCharsets.ISO_8859_1);
    }

    /** Batch uploads (not enrolments) as captured, in order. */
    public List<Captured> uploads() {
        List<Captured> out = new ArrayList<>();
        for (Captured c : captured) {
            if (c.path().startsWith("/api/v1/batches")) {
                out.add(c);
            }
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        release.countDown();
        listener.close();
        for (Thread t : handlers) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
