package bg.digiclub.collector.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

import bg.digiclub.common.batch.StrictJson;
import bg.digiclub.common.live.LiveMessage;

/**
 * A PC's live connection as the tests make it: the JDK's WebSocket client on {@code /api/v1/live}
 * with the device's bearer token, speaking {@code common.live}. Everything it receives is kept in
 * order; the close code and reason once the collector closes it.
 */
public final class LivePc implements AutoCloseable {
    private static final ObjectMapper JSON = StrictJson.mapper();
    /** One client for all: each JDK HttpClient has a selector thread of its own. */
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final WebSocket socket;
    private final List<LiveMessage> received = new CopyOnWriteArrayList<>();
    private final List<String> frames = new CopyOnWriteArrayList<>();
    private final CompletableFuture<String> closed = new CompletableFuture<>();

    private LivePc(int port, String token) throws Exception {
        WebSocket.Builder builder = CLIENT.newWebSocketBuilder();
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        socket = builder.connectTimeout(Duration.ofSeconds(30))
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/api/v1/live"), new Listener())
                .get(60, TimeUnit.SECONDS);
    }

    /** Connects as the device with this token; fails as the handshake does (401 for a bad token). */
    public static LivePc connect(int port, String token) throws Exception {
        return new LivePc(port, token);
    }

    /** The handshake's refusal status, or 0 if the connection was accepted (and is then closed). */
    public static int refusal(int port, String token) throws Exception {
        try (LivePc pc = new LivePc(port, token)) {
            return 0;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    public void send(LiveMessage message) throws Exception {
        sendText(JSON.writerFor(LiveMessage.class).writeValueAsString(message));
    }

    public void sendText(String text) throws Exception {
        socket.sendText(text, true).get(60, TimeUnit.SECONDS);
    }

    /** What came so far, in order. */
    public List<LiveMessage> received() {
        return List.copyOf(received);
    }

    /** What came so far of one type. */
    public <T extends LiveMessage> List<T> received(Class<T> type) {
        return received.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Every text frame as it came (for privacy scans). */
    public List<String> frames() {
        return List.copyOf(frames);
    }

    /** "code reason" once the collector closed the connection, else null. */
    public String closedWith() {
        return closed.getNow(null);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                frames.add(text);
                try {
                    received.add(JSON.readValue(text, LiveMessage.class));
                } catch (Exception e) {
                    throw new AssertionError("the collector sent an unreadable frame: " + text, e);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete("error " + error);
        }
    }
}
