package bg.digiclub.agent.upload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

import bg.digiclub.common.batch.BatchKind;

/**
 * A collector over real loopback HTTP (MockWebServer) that behaves like the protocol says:
 * checks the headers, stores each batch id once, replays the answer for a repeat with the same
 * body and refuses a different body (422). Every body it receives goes through the
 * {@link ScanningPrivacyGuard}. Faults are scripted: {@link #then(Fault)} for the next requests,
 * {@link #down(Fault)} for all until {@link #up()}. This stands in for the real collector
 * (another engineer's branch) until the end-to-end test can use it.
 */
public final class FakeCollector implements AutoCloseable {
    public static final String TOKEN = "dGVzdC10b2tlbi1mb3ItdGhlLWFnZW50LXRlc3RzLTEyMw".substring(0, 43);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockWebServer server = new MockWebServer();
    private final ScanningPrivacyGuard scan;
    private final Map<String, String> stored = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<String> keysSeen = Collections.synchronizedList(new ArrayList<>());
    private final Deque<Fault> script = new ArrayDeque<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private volatile Fault down;
    private volatile boolean resetDuringBody;

    /** What the collector does with a request instead of (or besides) storing it. */
    public interface Fault {
        /** @return the answer; {@code store} stores the batch first */
        MockResponse answer(FakeCollector collector, RecordedRequest request, Runnable store);
    }

    public FakeCollector(ScanningPrivacyGuard scan) throws IOException {
        this.scan = scan;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return handle(request);
            }

            // MockWebServer asks peek() how to read the request body, before dispatch().
            @Override
            public MockResponse peek() {
                return resetDuringBody
                        ? new MockResponse.Builder()
                                .onRequestBody(new SocketEffect.CloseSocket())
                                .build()
                        : super.peek();
            }
        });
        server.start();
    }

    public java.net.URI url() {
        return server.url("/").uri();
    }

    public MockWebServer server() {
        return server;
    }

    /** The next request gets {@code fault}. */
    public synchronized FakeCollector then(Fault fault) {
        script.add(fault);
        return this;
    }

    /** Resets the connection while reading the next request's body (until {@link #noReset()}). */
    public void resetWhileReadingBodies() {
        resetDuringBody = true;
    }

    public void noReset() {
        resetDuringBody = false;
    }

    /** Every request gets {@code fault} until {@link #up()}. */
    public void down(Fault fault) {
        down = fault;
    }

    public void up() {
        down = null;
    }

    /** Batches stored, by batch id, as JSON. */
    public Map<String, String> stored() {
        synchronized (stored) {
            return new LinkedHashMap<>(stored);
        }
    }

    /** What the privacy scan found in received bodies; a test expects none. */
    public List<String> violations() {
        synchronized (violations) {
            return new ArrayList<>(violations);
        }
    }

    public int requestCount() {
        return requests.get();
    }

    /** Idempotency keys of every request that reached the handler, repeats included. */
    public List<String> keysSeen() {
        synchronized (keysSeen) {
            return new ArrayList<>(keysSeen);
        }
    }

    /** Behaves as the protocol says (a scripted "nothing special"). */
    public static Fault normal() {
        return (c, r, store) -> {
            store.run();
            return null;
        };
    }

    public static Fault status(int code, String body) {
        return (c, r, store) -> new MockResponse.Builder().code(code).body(body).build();
    }

    public static Fault status(int code, String body, String header, String value) {
        return (c, r, store) -> new MockResponse.Builder()
                .code(code)
                .addHeader(header, value)
                .body(body)
                .build();
    }

    public static Fault problem(int code, String problemCode, String message) {
        return status(
                code, "{\"status\":" + code + ",\"code\":\"" + problemCode + "\",\"message\":\"" + message + "\"}");
    }

    private MockResponse handle(RecordedRequest request) {
        requests.incrementAndGet();
        Fault fault;
        synchronized (this) {
            fault = script.isEmpty() ? down : script.poll();
        }
        String key = request.getHeaders().get("Idempotency-Key");
        if (key != null) {
            keysSeen.add(key);
        }
        MockResponse[] storedAnswer = new MockResponse[1];
        Runnable store = () -> storedAnswer[0] = intake(request);
        if (fault != null) {
            MockResponse answer = fault.answer(this, request, store);
            return answer != null ? answer : storedAnswer[0];
        }
        return intake(request);
    }

    /** The protocol's intake: headers, body, idempotency. */
    private MockResponse intake(RecordedRequest request) {
        if (!("Bearer " + TOKEN).equals(request.getHeaders().get("Authorization"))) {
            return problem(401, "invalid-token", "unknown token").answer(this, request, () -> {});
        }
        if (!"gzip".equals(request.getHeaders().get("Content-Encoding"))
                || !String.valueOf(request.getHeaders().get("Content-Type")).startsWith("application/json")) {
            return problem(400, "bad-header", "Content-Encoding gzip and Content-Type application/json expected")
                    .answer(this, request, () -> {});
        }
        String json;
        JsonNode batch;
        try {
            json = new String(Gzip.decompress(request.getBody().toByteArray()), StandardCharsets.UTF_8);
            batch = JSON.readTree(json);
        } catch (IOException | RuntimeException e) {
            return problem(400, "malformed-json", "not JSON").answer(this, request, () -> {});
        }
        BatchKind kind = BatchKind.valueOf(batch.path("kind").asText());
        try {
            scan.check(kind, json);
        } catch (PrivacyViolation e) {
            violations.add(e.getMessage());
            return problem(422, "invalid", "privacy scan: " + e.getMessage()).answer(this, request, () -> {});
        }
        String key = request.getHeaders().get("Idempotency-Key");
        if (!batch.path("batchId").asText().equals(key)) {
            return problem(400, "bad-header", "Idempotency-Key must equal batchId")
                    .answer(this, request, () -> {});
        }
        synchronized (stored) {
            String before = stored.get(key);
            if (before != null && !before.equals(json)) {
                return problem(422, "batch-conflict", "batch stored with other content")
                        .answer(this, request, () -> {});
            }
            stored.put(key, json);
            String receipt = "{\"batchId\":\"" + key + "\",\"sequence\":"
                    + batch.path("sequence").asLong() + ",\"receivedAt\":\"2026-11-25T00:00:00Z\"}";
            MockResponse.Builder b = new MockResponse.Builder().code(200).body(receipt);
            if (before != null) {
                b.addHeader("Idempotent-Replayed", "true");
            }
            return b.build();
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
